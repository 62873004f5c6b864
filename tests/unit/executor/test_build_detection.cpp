// BuildSystemDetector: each build system's marker files -> the commands and
// report paths chosen, the fixed order when several are present, and the
// offline flags when the network is not allowed.
#include "executor/BuildSystemDetector.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using builder::executor::BuildSystemDetector;
namespace fs = std::filesystem;

namespace {

std::string joined(const std::vector<std::string>& list)
{
    std::string text;
    for (const auto& item : list)
        text += (text.empty() ? "" : " && ") + item;
    return text;
}

} // namespace

class TestBuildDetection : public QObject
{
    Q_OBJECT

private slots:
    void detects_data();
    void detects();
    void cmakeWinsOverMake();
    void npmPlaceholderTestIsNotATestSuite();
    void networkDropsOfflineFlags();
    void nothingDetected();
};

void TestBuildDetection::detects_data()
{
    QTest::addColumn<QStringList>("files"); // "path=content"
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("build");
    QTest::addColumn<QString>("test");
    QTest::addColumn<QString>("reports");

    QTest::addRow("cmake")
        << QStringList{"CMakeLists.txt=project(x)"} << "cmake"
        << "cmake -S . -B .builder/build -DCMAKE_BUILD_TYPE=Debug && cmake --build "
           ".builder/build --parallel \"$(nproc)\""
        << "ctest --test-dir .builder/build --output-on-failure --parallel "
           "\"$(nproc)\" --output-junit \"$PWD/.builder/reports/ctest-junit.xml\""
        << ".builder/reports/ctest-junit.xml";
    QTest::addRow("cargo") << QStringList{"Cargo.toml=[package]"} << "cargo"
                           << "cargo build --all-targets --offline"
                           << "cargo test --offline"
                           << "";
    QTest::addRow("go") << QStringList{"go.mod=module x"} << "go"
                        << "go build ./..."
                        << "go test -coverprofile=.builder/reports/go-coverage.out ./..."
                        << "";
    QTest::addRow("maven") << QStringList{"pom.xml=<project/>"} << "maven"
                           << "mvn -B -o -DskipTests package"
                           << "mvn -B -o test"
                           << "**/target/surefire-reports/TEST-*.xml";
    QTest::addRow("maven wrapper") << QStringList{"pom.xml=<project/>", "mvnw=#!/bin/sh"} << "maven"
                                   << "./mvnw -B -o -DskipTests package"
                                   << "./mvnw -B -o test"
                                   << "**/target/surefire-reports/TEST-*.xml";
    QTest::addRow("gradle") << QStringList{"build.gradle.kts=plugins {}"} << "gradle"
                            << "gradle --no-daemon --console=plain --offline assemble"
                            << "gradle --no-daemon --console=plain --offline test"
                            << "**/build/test-results/**/TEST-*.xml";
    QTest::addRow("npm")
        << QStringList{"package.json={\"scripts\":{\"build\":\"tsc\",\"test\":\"jest\"}}"} << "npm"
        << "npm run build"
        << "npm test"
        << "junit.xml && reports/junit.xml && test-results/**/*.xml";
    QTest::addRow("pytest ini")
        << QStringList{"pytest.ini=[pytest]", "app.py=x = 1"} << "pytest"
        << "python3 -m compileall -q -x '(^|/)(\\.builder|\\.git|node_modules|"
           "\\.venv)(/|$)' ."
        << "python3 -m pytest -q -p no:cacheprovider "
           "--junitxml=.builder/reports/pytest-junit.xml"
        << ".builder/reports/pytest-junit.xml";
    QTest::addRow("pytest pyproject")
        << QStringList{"pyproject.toml=[tool.pytest.ini_options]"} << "pytest"
        << "python3 -m compileall -q -x '(^|/)(\\.builder|\\.git|node_modules|\\.venv)(/|$)' ."
        << "python3 -m pytest -q -p no:cacheprovider --junitxml=.builder/reports/pytest-junit.xml"
        << ".builder/reports/pytest-junit.xml";
    QTest::addRow("pytest files") << QStringList{"test_math.py=def test_x(): pass"} << "pytest"
                                  << "python3 -m compileall -q -x '(^|/)(\\.builder|\\.git|"
                                     "node_modules|\\.venv)(/|$)' ."
                                  << "python3 -m pytest -q -p no:cacheprovider "
                                     "--junitxml=.builder/reports/pytest-junit.xml"
                                  << ".builder/reports/pytest-junit.xml";
    QTest::addRow("make test") << QStringList{"Makefile=all:\n\tcc x.c\ntest: all\n\t./a.out\n"}
                               << "make"
                               << "make -j\"$(nproc)\""
                               << "make test"
                               << "";
    QTest::addRow("make check") << QStringList{"Makefile=all:\ncheck:\n\t./run\n"} << "make"
                                << "make -j\"$(nproc)\""
                                << "make check"
                                << "";
    QTest::addRow("make without tests") << QStringList{"Makefile=all:\nTEST := 1\n"} << "make"
                                        << "make -j\"$(nproc)\""
                                        << ""
                                        << "";
}

void TestBuildDetection::detects()
{
    QFETCH(QStringList, files);
    QFETCH(QString, system);
    QFETCH(QString, build);
    QFETCH(QString, test);
    QFETCH(QString, reports);
    QTemporaryDir dir;
    for (const auto& file : files) {
        const auto path =
            fs::path(dir.path().toStdString()) / file.section('=', 0, 0).toStdString();
        std::ofstream(path) << file.section('=', 1).toStdString();
    }
    const auto plan = BuildSystemDetector::detect(dir.path().toStdString(), false);
    QCOMPARE(QString::fromStdString(plan.buildSystem), system);
    QCOMPARE(QString::fromStdString(joined(plan.buildCommands)), build);
    QCOMPARE(QString::fromStdString(joined(plan.testCommands)), test);
    QCOMPARE(QString::fromStdString(joined(plan.reportGlobs)), reports);
    QVERIFY(!plan.detection.empty());
}

void TestBuildDetection::cmakeWinsOverMake()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath("CMakeLists.txt").toStdString()) << "project(x)";
    std::ofstream(dir.filePath("Makefile").toStdString()) << "test:\n";
    std::ofstream(dir.filePath("package.json").toStdString()) << "{}";
    QCOMPARE(BuildSystemDetector::detect(dir.path().toStdString(), false).buildSystem,
             std::string("cmake"));
}

void TestBuildDetection::npmPlaceholderTestIsNotATestSuite()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath("package.json").toStdString())
        << R"({"scripts":{"test":"echo \"Error: no test specified\" && exit 1"}})";
    const auto plan = BuildSystemDetector::detect(dir.path().toStdString(), false);
    QVERIFY(plan.testCommands.empty());
    QVERIFY(plan.detection.find("no test script") != std::string::npos);
    QCOMPARE(plan.env.at("npm_config_offline"), std::string("true"));
}

void TestBuildDetection::networkDropsOfflineFlags()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath("Cargo.toml").toStdString()) << "[package]";
    const auto plan = BuildSystemDetector::detect(dir.path().toStdString(), true);
    QCOMPARE(joined(plan.testCommands), std::string("cargo test"));
    QTemporaryDir npm;
    std::ofstream(npm.filePath("package.json").toStdString())
        << R"({"scripts":{"test":"node t.js"}})";
    std::ofstream(npm.filePath("package-lock.json").toStdString()) << "{}";
    const auto withNetwork = BuildSystemDetector::detect(npm.path().toStdString(), true);
    QCOMPARE(joined(withNetwork.buildCommands), std::string("npm ci --no-audit --no-fund"));
    QVERIFY(BuildSystemDetector::detect(npm.path().toStdString(), false).buildCommands.empty());
}

void TestBuildDetection::nothingDetected()
{
    QTemporaryDir dir;
    std::ofstream(dir.filePath("README.md").toStdString()) << "# hello";
    const auto plan = BuildSystemDetector::detect(dir.path().toStdString(), false);
    QVERIFY(plan.buildSystem.empty());
    QVERIFY(plan.buildCommands.empty());
    QVERIFY(plan.testCommands.empty());
    QCOMPARE(plan.detection, std::string("no build system detected"));
}

QTEST_GUILESS_MAIN(TestBuildDetection)
#include "test_build_detection.moc"
