#include "pipeline/PathPolicy.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using builder::pipeline::PathPolicy;
namespace fs = std::filesystem;

class TestPathPolicy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_outside;
    QTemporaryDir m_root;

private slots:
    void initTestCase()
    {
        const fs::path root = m_root.path().toStdString();
        fs::create_directories(root / "src");
        fs::create_directories(root / "docs");
        std::ofstream(root / "src" / "main.c") << "int main(void) { return 0; }\n";
        fs::create_symlink(m_outside.path().toStdString(), root / "escape");
        fs::create_symlink(root / "src", root / "inside");
    }

    void check_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("normalised"); // empty: refused
        QTest::addColumn<QString>("rule");       // part of the message when refused
        QTest::addRow("plain") << "src/main.c"
                               << "src/main.c"
                               << "";
        QTest::addRow("dot segments") << "./src//util/../main.c"
                                      << "src/main.c"
                                      << "";
        QTest::addRow("new file") << "src/new/file.c"
                                  << "src/new/file.c"
                                  << "";
        QTest::addRow("parent escape") << "../etc/passwd"
                                       << ""
                                       << "climbs out";
        QTest::addRow("deep escape") << "src/../../x"
                                     << ""
                                     << "climbs out";
        QTest::addRow("absolute") << "/etc/passwd"
                                  << ""
                                  << "absolute";
        QTest::addRow("home") << "~/.ssh/id_rsa"
                              << ""
                              << "absolute";
        QTest::addRow("git hooks") << ".git/hooks/pre-commit"
                                   << ""
                                   << ".git";
        QTest::addRow("git dir sneaky") << "src/../.git/config"
                                        << ""
                                        << ".git";
        QTest::addRow("git case") << ".GIT/config"
                                  << ""
                                  << ".git";
        QTest::addRow("submodule git") << "vendor/lib/.git/config"
                                       << ""
                                       << ".git";
        QTest::addRow("symlink outside") << "escape/evil.sh"
                                         << ""
                                         << "symbolic link";
        QTest::addRow("symlink inside") << "inside/main.c"
                                        << "inside/main.c"
                                        << "";
        QTest::addRow("backslash") << "src\\main.c"
                                   << ""
                                   << "backslash";
        QTest::addRow("empty") << ""
                               << ""
                               << "empty";
        QTest::addRow("root itself") << "./"
                                     << ""
                                     << "root";
        QTest::addRow("forbidden") << "secrets/prod.env"
                                   << ""
                                   << "forbidden_paths";
        QTest::addRow("outside allowed") << "README.md"
                                         << ""
                                         << "allowed_paths";
    }
    void check()
    {
        QFETCH(QString, path);
        QFETCH(QString, normalised);
        QFETCH(QString, rule);
        PathPolicy policy(m_root.path().toStdString(), {"src", "inside", "escape", "secrets", "./"},
                          {"secrets/**"});
        // "./" in allowed covers nothing but itself; README.md is outside allowed_paths.
        auto result = policy.check(path.toStdString());
        if (normalised.isEmpty()) {
            QVERIFY2(!result.ok(), qPrintable(path));
            QCOMPARE(result.error().code(), builder::common::StatusCode::PermissionDenied);
            const auto message = QString::fromStdString(result.error().message());
            QVERIFY2(message.contains(rule), qPrintable(message));
            QVERIFY2(path.isEmpty() || message.contains(path), qPrintable(message));
        } else {
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
            QCOMPARE(QString::fromStdString(result.value()), normalised);
        }
    }

    void noRulesAllowsAnythingInside()
    {
        PathPolicy policy(m_root.path().toStdString(), {}, {});
        QVERIFY(policy.check("anything/at/all.txt").ok());
        QVERIFY(!policy.check("../x").ok());
    }
};

QTEST_GUILESS_MAIN(TestPathPolicy)
#include "test_path_policy.moc"
