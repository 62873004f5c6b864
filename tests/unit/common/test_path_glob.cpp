#include "common/PathGlob.h"

#include <QTest>

using builder::common::PathGlob;

class TestPathGlob : public QObject
{
    Q_OBJECT

private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("expected");
        QTest::addRow("literal dir covers below") << "docs"
                                                  << "docs/guide.md" << true;
        QTest::addRow("literal dir itself") << "docs"
                                            << "docs" << true;
        QTest::addRow("literal with slash") << "docs/"
                                            << "docs/a/b.md" << true;
        QTest::addRow("literal is segment aligned") << "docs"
                                                    << "docsite/index.md" << false;
        QTest::addRow("literal file") << "src/main.c"
                                      << "src/main.c" << true;
        QTest::addRow("star basename anywhere") << "*.md"
                                                << "docs/guide.md" << true;
        QTest::addRow("star basename at root") << "*.md"
                                               << "README.md" << true;
        QTest::addRow("star basename no match") << "*.md"
                                                << "docs/guide.txt" << false;
        QTest::addRow("star stays in segment") << "src/*.c"
                                               << "src/a/b.c" << false;
        QTest::addRow("star in segment") << "src/*.c"
                                         << "src/b.c" << true;
        QTest::addRow("star dir covers below") << "src/*"
                                               << "src/a/b.c" << true;
        QTest::addRow("double star any depth") << "src/**/test_*.py"
                                               << "src/a/b/test_x.py" << true;
        QTest::addRow("double star zero dirs") << "src/**/test_*.py"
                                               << "src/test_x.py" << true;
        QTest::addRow("double star other root") << "src/**/test_*.py"
                                                << "lib/test_x.py" << false;
        QTest::addRow("trailing double star") << ".github/**"
                                              << ".github/workflows/ci.yml" << true;
        QTest::addRow("question mark") << "v?.txt"
                                       << "v1.txt" << true;
        QTest::addRow("question mark not slash") << "a?b"
                                                 << "a/b" << false;
        QTest::addRow("class") << "file[0-9].txt"
                               << "file7.txt" << true;
        QTest::addRow("negated class") << "file[!0-9].txt"
                                       << "file7.txt" << false;
        QTest::addRow("dot slash prefix") << "./docs"
                                          << "docs/x" << true;
        QTest::addRow("empty pattern") << ""
                                       << "anything" << false;
        QTest::addRow("no slash: any depth") << "main.c"
                                             << "src/main.c" << true;
        QTest::addRow("no slash: a folder at any depth") << "secrets"
                                                         << "a/secrets/key.pem" << true;
        QTest::addRow("slash anchors at the root") << "src/main.c"
                                                   << "lib/src/main.c" << false;
        QTest::addRow("leading slash anchors") << "/deploy"
                                               << "deploy/run.sh" << true;
        QTest::addRow("leading slash, not deeper") << "/deploy"
                                                   << "ops/deploy/run.sh" << false;
        QTest::addRow("class never matches a slash") << "a[/]b"
                                                     << "a/b" << false;
    }
    void matches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, path);
        QFETCH(bool, expected);
        QCOMPARE(PathGlob::matches(pattern.toStdString(), path.toStdString()), expected);
    }
};

QTEST_GUILESS_MAIN(TestPathGlob)
#include "test_path_glob.moc"
