#include "BuildSystemDetector.h"

#include "WorkspaceFiles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <regex>
#include <sys/stat.h>

namespace builder::executor {

namespace {

namespace fs = std::filesystem;

bool isFile(const fs::path& workspace, const char* name)
{
    struct stat st;
    return lstat((workspace / name).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool isDir(const fs::path& workspace, const char* name)
{
    struct stat st;
    return lstat((workspace / name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string text(const fs::path& workspace, const char* name)
{
    auto data = WorkspaceFiles::read(workspace, name, 1024 * 1024);
    return data.ok() ? std::move(data).value() : std::string();
}

bool hasMakeTarget(const std::string& makefile, const std::string& target)
{
    const std::regex rule("(^|\\n)" + target + "[ \\t]*:([^=]|$)");
    return std::regex_search(makefile, rule);
}

std::string junit(const char* file)
{
    return std::string("\"$PWD/") + BuildSystemDetector::kReportsDir + "/" + file + "\"";
}

} // namespace

BuildPlan BuildSystemDetector::detect(const fs::path& workspace, bool allowNetwork)
{
    BuildPlan plan;
    const std::string offline = allowNetwork ? "" : " --offline";
    const std::string reports = kReportsDir;

    if (isFile(workspace, "CMakeLists.txt")) {
        plan.buildSystem = "cmake";
        plan.detection = "CMake (CMakeLists.txt)";
        plan.buildCommands = {
            std::string("cmake -S . -B ") + kBuildDir + " -DCMAKE_BUILD_TYPE=Debug",
            std::string("cmake --build ") + kBuildDir + " --parallel \"$(nproc)\""};
        plan.testCommands = {std::string("ctest --test-dir ") + kBuildDir +
                             " --output-on-failure --parallel \"$(nproc)\" --output-junit " +
                             junit("ctest-junit.xml")};
        plan.reportGlobs = {reports + "/ctest-junit.xml"};
        plan.coverageGlobs = {kBuildDir + std::string("/coverage.xml"),
                              kBuildDir + std::string("/coverage.info")};
        return plan;
    }
    if (isFile(workspace, "Cargo.toml")) {
        plan.buildSystem = "cargo";
        plan.detection = "Cargo (Cargo.toml)";
        plan.buildCommands = {"cargo build --all-targets" + offline};
        plan.testCommands = {"cargo test" + offline};
        plan.env = {{"CARGO_TARGET_DIR", std::string(kBuildDir) + "/cargo"},
                    {"CARGO_TERM_COLOR", "never"}};
        return plan;
    }
    if (isFile(workspace, "go.mod")) {
        plan.buildSystem = "go";
        plan.detection = "Go (go.mod)";
        plan.buildCommands = {"go build ./..."};
        plan.testCommands = {"go test -coverprofile=" + reports + "/go-coverage.out ./..."};
        plan.coverageGlobs = {reports + "/go-coverage.out"};
        // Without a network, fail fast on a missing module instead of timing out.
        if (!allowNetwork)
            plan.env = {{"GOPROXY", "off"}};
        return plan;
    }
    if (isFile(workspace, "pom.xml")) {
        const std::string mvn = isFile(workspace, "mvnw") ? "./mvnw" : "mvn";
        const std::string flags = allowNetwork ? " -B" : " -B -o";
        plan.buildSystem = "maven";
        plan.detection = "Maven (pom.xml)";
        plan.buildCommands = {mvn + flags + " -DskipTests package"};
        plan.testCommands = {mvn + flags + " test"};
        plan.reportGlobs = {"**/target/surefire-reports/TEST-*.xml"};
        plan.coverageGlobs = {"**/target/site/jacoco/jacoco.xml"};
        return plan;
    }
    for (const char* gradleFile :
         {"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"}) {
        if (!isFile(workspace, gradleFile))
            continue;
        const std::string gradle = isFile(workspace, "gradlew") ? "./gradlew" : "gradle";
        const std::string flags = " --no-daemon --console=plain" + offline;
        plan.buildSystem = "gradle";
        plan.detection = std::string("Gradle (") + gradleFile + ")";
        plan.buildCommands = {gradle + flags + " assemble"};
        plan.testCommands = {gradle + flags + " test"};
        plan.reportGlobs = {"**/build/test-results/**/TEST-*.xml"};
        plan.coverageGlobs = {"**/build/reports/jacoco/**/*.xml"};
        return plan;
    }
    if (isFile(workspace, "package.json")) {
        plan.buildSystem = "npm";
        plan.detection = "npm (package.json)";
        const QJsonObject scripts =
            QJsonDocument::fromJson(QByteArray::fromStdString(text(workspace, "package.json")))
                .object()
                .value("scripts")
                .toObject();
        if (allowNetwork && isFile(workspace, "package-lock.json") &&
            !isDir(workspace, "node_modules"))
            plan.buildCommands.push_back("npm ci --no-audit --no-fund");
        if (scripts.contains("build"))
            plan.buildCommands.push_back("npm run build");
        const QString test = scripts.value("test").toString();
        // npm init's placeholder fails on purpose; it is not a test suite.
        if (!test.isEmpty() && !test.contains("no test specified"))
            plan.testCommands = {"npm test"};
        else
            plan.detection += "; no test script";
        plan.reportGlobs = {"junit.xml", "reports/junit.xml", "test-results/**/*.xml"};
        plan.coverageGlobs = {"coverage/cobertura-coverage.xml", "coverage/lcov.info"};
        plan.env = {{"npm_config_update_notifier", "false"},
                    {"npm_config_fund", "false"},
                    {"npm_config_audit", "false"}};
        if (!allowNetwork)
            plan.env["npm_config_offline"] = "true";
        return plan;
    }
    const std::string pyproject = text(workspace, "pyproject.toml");
    const bool pytest =
        isFile(workspace, "pytest.ini") || isFile(workspace, "conftest.py") ||
        pyproject.find("pytest") != std::string::npos ||
        text(workspace, "setup.cfg").find("[tool:pytest]") != std::string::npos ||
        text(workspace, "tox.ini").find("[pytest]") != std::string::npos ||
        (isDir(workspace, "tests") && (isFile(workspace, "setup.py") || !pyproject.empty())) ||
        !WorkspaceFiles::glob(workspace, "test_*.py", 1).empty();
    if (pytest) {
        plan.buildSystem = "pytest";
        plan.detection = "pytest (Python test layout)";
        plan.buildCommands = {"python3 -m compileall -q -x '(^|/)(\\.builder|\\.git|node_modules|"
                              "\\.venv)(/|$)' ."};
        plan.testCommands = {"python3 -m pytest -q -p no:cacheprovider --junitxml=" + reports +
                             "/pytest-junit.xml"};
        plan.reportGlobs = {reports + "/pytest-junit.xml"};
        plan.coverageGlobs = {"coverage.xml"};
        plan.env = {{"PYTHONDONTWRITEBYTECODE", "1"}};
        return plan;
    }
    for (const char* makefileName : {"GNUmakefile", "makefile", "Makefile"}) {
        if (!isFile(workspace, makefileName))
            continue;
        const std::string makefile = text(workspace, makefileName);
        plan.buildSystem = "make";
        plan.detection = std::string("Make (") + makefileName + ")";
        plan.buildCommands = {"make -j\"$(nproc)\""};
        if (hasMakeTarget(makefile, "test"))
            plan.testCommands = {"make test"};
        else if (hasMakeTarget(makefile, "check"))
            plan.testCommands = {"make check"};
        else
            plan.detection += "; no test or check target";
        return plan;
    }
    plan.detection = "no build system detected";
    return plan;
}

} // namespace builder::executor
