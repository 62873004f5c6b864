// The diff view highlights each file in its language, chosen from the file name.
#include "editor/LexerFactory.h"

#include <QApplication>
#include <QtTest>

using builder::editor::LexerFactory;

class TestStudioLexers : public QObject
{
    Q_OBJECT
private slots:
    void language_data();
    void language();
};

void TestStudioLexers::language_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("language");
    QTest::addRow("c++ source") << "src/server/Handler.cpp"
                                << "C++";
    QTest::addRow("c header") << "include/x.h"
                              << "C++";
    QTest::addRow("python") << "tests/test_health.py"
                            << "Python";
    QTest::addRow("cmake by name") << "app/CMakeLists.txt"
                                   << "CMake";
    QTest::addRow("makefile by name") << "Makefile"
                                      << "Makefile";
    QTest::addRow("yaml") << "config/health.yaml"
                          << "YAML";
    QTest::addRow("json") << "package.json"
                          << "JSON";
    QTest::addRow("markdown") << "README.md"
                              << "Markdown";
    QTest::addRow("shell") << "installers/run.sh"
                           << "Bash";
    QTest::addRow("javascript") << "web/app.js"
                                << "JavaScript";
    QTest::addRow("unknown is text") << "LICENSE"
                                     << "Text";
}

void TestStudioLexers::language()
{
    QFETCH(QString, path);
    QFETCH(QString, language);
    QCOMPARE(LexerFactory::languageName(path), language);
}

QTEST_MAIN(TestStudioLexers)
#include "test_studio_lexers.moc"
