#include "common/GitRefName.h"

#include <QTest>

#include <string>

using builder::common::GitRefName;

class TestGitRefName : public QObject
{
    Q_OBJECT

private slots:
    void branchNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("valid");
        QTest::addRow("main") << QByteArray("main") << true;
        QTest::addRow("nested") << QByteArray("feature/login-page") << true;
        QTest::addRow("deep") << QByteArray("a/b/c") << true;
        QTest::addRow("dots inside") << QByteArray("release-1.0.2") << true;
        QTest::addRow("at inside") << QByteArray("user@feature") << true;
        QTest::addRow("non-ASCII") << QByteArray("fonctionnalit\xc3\xa9") << true;
        QTest::addRow("255 bytes") << QByteArray(255, 'a') << true;
        QTest::addRow("256 bytes") << QByteArray(256, 'a') << false;
        QTest::addRow("empty") << QByteArray("") << false;
        QTest::addRow("leading dash") << QByteArray("-x") << false;
        QTest::addRow("leading slash") << QByteArray("/x") << false;
        QTest::addRow("trailing slash") << QByteArray("x/") << false;
        QTest::addRow("double slash") << QByteArray("a//b") << false;
        QTest::addRow("double dot") << QByteArray("a..b") << false;
        QTest::addRow("ends .lock") << QByteArray("topic.lock") << false;
        QTest::addRow("component ends .lock") << QByteArray("a.lock/b") << false;
        QTest::addRow("trailing dot") << QByteArray("x.") << false;
        QTest::addRow("leading dot") << QByteArray(".x") << false;
        QTest::addRow("component leading dot") << QByteArray("a/.x") << false;
        QTest::addRow("lone at") << QByteArray("@") << false;
        QTest::addRow("at brace") << QByteArray("a@{b") << false;
        QTest::addRow("HEAD") << QByteArray("HEAD") << false;
        QTest::addRow("space") << QByteArray("a b") << false;
        QTest::addRow("tab") << QByteArray("a\tb") << false;
        QTest::addRow("DEL") << QByteArray("a\x7f"
                                           "b")
                             << false;
        QTest::addRow("tilde") << QByteArray("a~b") << false;
        QTest::addRow("caret") << QByteArray("a^b") << false;
        QTest::addRow("colon") << QByteArray("a:b") << false;
        QTest::addRow("question") << QByteArray("a?b") << false;
        QTest::addRow("star") << QByteArray("a*b") << false;
        QTest::addRow("bracket") << QByteArray("a[b") << false;
        QTest::addRow("backslash") << QByteArray("a\\b") << false;
    }

    void branchNames()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, valid);
        const std::string text = name.toStdString();
        QCOMPARE(GitRefName::isValidBranchName(text), valid);
        // The explanation is empty exactly when the name is valid.
        QCOMPARE(GitRefName::branchNameProblem(text).empty(), valid);
    }

    void problemNamesTheRule_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");
        QTest::addRow("double dot") << "a..b"
                                    << "it must not contain '..'";
        QTest::addRow("leading dash") << "-x"
                                      << "it must not start with '-'";
        QTest::addRow("lock") << "x.lock"
                              << "no path component may end with '.lock'";
        QTest::addRow("empty") << ""
                               << "it must not be empty";
    }

    void problemNamesTheRule()
    {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        QCOMPARE(QString::fromStdString(GitRefName::branchNameProblem(name.toStdString())),
                 problem);
    }
};

QTEST_GUILESS_MAIN(TestGitRefName)
#include "test_git_ref_name.moc"
