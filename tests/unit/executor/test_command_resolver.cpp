// CommandResolver precedence, per item: properties over .builder.toml over
// detection; the detection text says which source won each.
#include "executor/CommandResolver.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using builder::common::StatusCode;
using builder::executor::CommandResolver;

class TestCommandResolver : public QObject
{
    Q_OBJECT

private slots:
    void detectionAlone();
    void tomlOverridesDetection();
    void propertiesOverrideToml();
    void blankPropertyFallsThrough();
    void badTomlIsAnError();
    void reportPropertyMustStayInside();

private:
    static void write(const QTemporaryDir& dir, const char* name, const std::string& text)
    {
        std::ofstream(dir.filePath(name).toStdString()) << text;
    }
};

void TestCommandResolver::detectionAlone()
{
    QTemporaryDir dir;
    write(dir, "Makefile", "test:\n\ttrue\n");
    auto plan = CommandResolver::resolve(dir.path().toStdString(), {}, false);
    QVERIFY(plan.ok());
    QCOMPARE(plan->testCommands, std::vector<std::string>{"make test"});
    QVERIFY(plan->detection.find("build (detected Make (Makefile))") != std::string::npos);
}

void TestCommandResolver::tomlOverridesDetection()
{
    QTemporaryDir dir;
    write(dir, "CMakeLists.txt", "project(x)");
    write(dir, ".builder.toml", "[test]\ncommand = \"./run-tests.sh\"\n[env]\nA = \"1\"\n");
    auto plan = CommandResolver::resolve(dir.path().toStdString(), {}, false);
    QVERIFY(plan.ok());
    QCOMPARE(plan->buildCommands.size(), std::size_t(2)); // CMake's, still detected
    QCOMPARE(plan->testCommands, std::vector<std::string>{"./run-tests.sh"});
    QVERIFY(plan->reportGlobs.empty()); // ctest's report path went with ctest
    QCOMPARE(plan->env.at("A"), std::string("1"));
    QVERIFY(plan->detection.find("test (.builder.toml [test]): ./run-tests.sh") !=
            std::string::npos);
}

void TestCommandResolver::propertiesOverrideToml()
{
    QTemporaryDir dir;
    write(dir, "CMakeLists.txt", "project(x)");
    write(dir, ".builder.toml", "[build]\ncommand = \"make\"\n[test]\ncommand = \"make check\"\n");
    auto plan = CommandResolver::resolve(
        dir.path().toStdString(),
        {{"build_command", "./build.sh --release"}, {"test_reports", "out/a.xml, out/b.xml"}},
        false);
    QVERIFY(plan.ok());
    QCOMPARE(plan->buildCommands, std::vector<std::string>{"./build.sh --release"});
    QCOMPARE(plan->testCommands, std::vector<std::string>{"make check"});
    QCOMPARE(plan->reportGlobs, (std::vector<std::string>{"out/a.xml", "out/b.xml"}));
    QVERIFY(plan->detection.find("build (property build_command)") != std::string::npos);
    QVERIFY(plan->detection.find("test (.builder.toml [test])") != std::string::npos);

    auto both =
        CommandResolver::resolve(dir.path().toStdString(), {{"test_command", "pytest -x"}}, false);
    QVERIFY(both.ok());
    QCOMPARE(both->testCommands, std::vector<std::string>{"pytest -x"});
    QCOMPARE(both->buildCommands, std::vector<std::string>{"make"});
}

void TestCommandResolver::blankPropertyFallsThrough()
{
    QTemporaryDir dir;
    write(dir, "go.mod", "module x");
    auto plan =
        CommandResolver::resolve(dir.path().toStdString(), {{"test_command", "  \n"}}, false);
    QVERIFY(plan.ok());
    QCOMPARE(plan->buildSystem, std::string("go"));
    QVERIFY(plan->testCommands.front().rfind("go test", 0) == 0);
}

void TestCommandResolver::badTomlIsAnError()
{
    QTemporaryDir dir;
    write(dir, ".builder.toml", "[tests]\n");
    auto plan = CommandResolver::resolve(dir.path().toStdString(), {{"test_command", "x"}}, false);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code(), StatusCode::InvalidArgument);
}

void TestCommandResolver::reportPropertyMustStayInside()
{
    QTemporaryDir dir;
    auto plan = CommandResolver::resolve(dir.path().toStdString(),
                                         {{"test_reports", "../../etc/passwd"}}, false);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().violations().at(0).fieldPath, std::string("properties.test_reports"));
}

QTEST_GUILESS_MAIN(TestCommandResolver)
#include "test_command_resolver.moc"
