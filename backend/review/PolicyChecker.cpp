#include "PolicyChecker.h"

#include "TestPaths.h"
#include "common/PathGlob.h"

#include <algorithm>
#include <array>

namespace builder::review {

namespace {

using common::diff::DiffFile;
using common::diff::FileStatus;
using common::diff::LineKind;

std::string_view baseName(std::string_view path)
{
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

Finding make(const char* rule, Severity severity, std::string file, int line, std::string message,
             std::string fix)
{
    Finding f;
    f.ruleId = rule;
    f.severity = severity;
    f.source = FindingSource::Policy;
    f.file = std::move(file);
    f.line = line;
    f.message = std::move(message);
    f.fixHint = std::move(fix);
    return f;
}

// Markers that only ever mean "skip this test", wherever they appear.
constexpr std::array<std::string_view, 14> kSkipMarkers = {
    "GTEST_SKIP", "QSKIP(",           "#[ignore]",      "t.Skip(",      "t.Skipf(",
    "t.SkipNow(", "pytest.mark.skip", "unittest.skip",  "pytest.skip(", "xit(",
    "xdescribe(", "it.skip(",         "describe.skip(", "test.skip("};
// Markers that mean it inside a test file.
constexpr std::array<std::string_view, 6> kTestFileSkipMarkers = {
    "@skip", "@Skip", "@Disabled", "@Ignore", "DISABLED_", "[Fact(Skip"};
constexpr std::array<std::string_view, 16> kAssertionMarkers = {
    "assert", "Assert",   "expect(", "EXPECT_", "ASSERT_", "QCOMPARE", "QVERIFY", "QTRY_",
    "CHECK(", "REQUIRE(", "t.Error", "t.Fatal", ".should", "require.", "verify(", "XCTAssert"};

bool hasAny(std::string_view line, const auto& markers)
{
    return std::any_of(markers.begin(), markers.end(), [&line](std::string_view m) {
        return line.find(m) != std::string_view::npos;
    });
}

} // namespace

bool PolicyChecker::isFixable(std::string_view ruleId)
{
    return ruleId == kTestDeleted || ruleId == kTestSkipped || ruleId == kAssertionsRemoved ||
           ruleId == kOutsidePlan || ruleId == kForbiddenPath;
}

bool PolicyChecker::isCiFile(std::string_view path)
{
    static constexpr std::array<std::string_view, 9> kFolders = {".github/workflows/",
                                                                 ".github/actions/",
                                                                 ".gitlab/ci/",
                                                                 ".circleci/",
                                                                 ".buildkite/",
                                                                 ".azure-pipelines/",
                                                                 ".ci/",
                                                                 ".woodpecker/",
                                                                 ".tekton/"};
    for (const auto folder : kFolders) {
        if (startsWith(path, folder) ||
            path.find("/" + std::string(folder)) != std::string_view::npos)
            return true;
    }
    static constexpr std::array<std::string_view, 12> kNames = {
        ".gitlab-ci.yml",          "Jenkinsfile",    "azure-pipelines.yml", ".travis.yml",
        "bitbucket-pipelines.yml", ".drone.yml",     "appveyor.yml",        ".woodpecker.yml",
        "cloudbuild.yaml",         "cloudbuild.yml", "buildspec.yml",       ".gitlab-ci.yaml"};
    const std::string_view name = baseName(path);
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end() ||
           startsWith(name, "Jenkinsfile.");
}

bool PolicyChecker::isBuildFile(std::string_view path)
{
    const std::string_view name = baseName(path);
    static constexpr std::array<std::string_view, 22> kNames = {"CMakeLists.txt",
                                                                "CMakePresets.json",
                                                                "Makefile",
                                                                "GNUmakefile",
                                                                "makefile",
                                                                "meson.build",
                                                                "meson_options.txt",
                                                                "BUILD",
                                                                "BUILD.bazel",
                                                                "WORKSPACE",
                                                                "MODULE.bazel",
                                                                "build.gradle",
                                                                "build.gradle.kts",
                                                                "settings.gradle",
                                                                "settings.gradle.kts",
                                                                "pom.xml",
                                                                "build.xml",
                                                                "build.rs",
                                                                "build.sbt",
                                                                "configure.ac",
                                                                "Dockerfile",
                                                                "Rakefile"};
    if (std::find(kNames.begin(), kNames.end(), name) != kNames.end())
        return true;
    static constexpr std::array<std::string_view, 7> kSuffixes = {
        ".cmake", ".mk", ".bzl", ".csproj", ".vcxproj", ".sln", ".gradle"};
    return startsWith(name, "Dockerfile.") ||
           std::any_of(kSuffixes.begin(), kSuffixes.end(),
                       [&name](std::string_view s) { return endsWith(name, s); });
}

int PolicyChecker::dependencyKind(std::string_view path)
{
    const std::string_view name = baseName(path);
    static constexpr std::array<std::string_view, 22> kManifests = {
        "package.json",    "Pipfile",       "pyproject.toml",  "setup.py",      "setup.cfg",
        "go.mod",          "Cargo.toml",    "pom.xml",         "build.gradle",  "build.gradle.kts",
        "Gemfile",         "composer.json", "packages.config", "vcpkg.json",    "conanfile.txt",
        "conanfile.py",    "mix.exs",       "pubspec.yaml",    "Package.swift", "Podfile",
        "environment.yml", "deno.json"};
    static constexpr std::array<std::string_view, 13> kLocks = {"package-lock.json",
                                                                "yarn.lock",
                                                                "pnpm-lock.yaml",
                                                                "Pipfile.lock",
                                                                "poetry.lock",
                                                                "go.sum",
                                                                "Cargo.lock",
                                                                "Gemfile.lock",
                                                                "composer.lock",
                                                                "mix.lock",
                                                                "pubspec.lock",
                                                                "Podfile.lock",
                                                                "uv.lock"};
    if (std::find(kManifests.begin(), kManifests.end(), name) != kManifests.end())
        return 2;
    if (startsWith(name, "requirements") && endsWith(name, ".txt"))
        return 2;
    if (std::find(kLocks.begin(), kLocks.end(), name) != kLocks.end())
        return 1;
    return 0;
}

void PolicyChecker::checkTests(const DiffFile& file, std::vector<Finding>& out)
{
    const bool testFile = TestPaths::isTest(file.path());
    if (file.status == FileStatus::Deleted) {
        if (testFile)
            out.push_back(make(kTestDeleted, Severity::High, file.oldPath, 0,
                               "test file deleted (" + std::to_string(file.deletions) + " lines)",
                               "Keep the test; if the behaviour it covers changed, update the "
                               "test to the new behaviour instead of removing it."));
        return;
    }
    int assertionsRemoved = 0;
    int assertionsAdded = 0;
    for (const auto& hunk : file.hunks) {
        for (const auto& line : hunk.lines) {
            if (line.kind == LineKind::Added) {
                if (hasAny(line.content, kSkipMarkers) ||
                    (testFile && hasAny(line.content, kTestFileSkipMarkers)))
                    out.push_back(make(kTestSkipped, Severity::High, file.path(), line.newLine,
                                       "a test is skipped or disabled by this line",
                                       "Fix the test or the code under test instead of skipping "
                                       "it."));
                if (testFile && hasAny(line.content, kAssertionMarkers))
                    ++assertionsAdded;
            } else if (line.kind == LineKind::Removed && testFile &&
                       hasAny(line.content, kAssertionMarkers)) {
                ++assertionsRemoved;
            }
        }
    }
    if (assertionsRemoved > assertionsAdded)
        out.push_back(make(kAssertionsRemoved, Severity::Medium, file.path(), 0,
                           "test weakened: " + std::to_string(assertionsRemoved) +
                               " assertion lines removed, " + std::to_string(assertionsAdded) +
                               " added",
                           "Keep the assertions (update expected values if behaviour changed "
                           "on purpose)."));
}

void PolicyChecker::check(const common::diff::UnifiedDiff& diff, const PolicyConfig& config,
                          std::vector<Finding>& out)
{
    for (const DiffFile& file : diff.files) {
        const std::string& path = file.path();
        for (const auto& pattern : config.forbiddenPaths) {
            const bool hit = common::PathGlob::matches(pattern, file.newPath) ||
                             common::PathGlob::matches(pattern, file.oldPath);
            if (hit) {
                out.push_back(make(kForbiddenPath, Severity::Critical, path, 0,
                                   "change to a forbidden path (matches '" + pattern + "')",
                                   "Revert the change to this path; it is outside what the "
                                   "repository policy allows to be modified."));
                break;
            }
        }
        if (isCiFile(path) || isCiFile(file.oldPath))
            out.push_back(make(kCiChange, Severity::High, path, 0, "CI/workflow definition changed",
                               "Have a maintainer review CI changes: they run with the "
                               "repository's secrets and permissions."));
        if (isBuildFile(path))
            out.push_back(make(kBuildChange, Severity::Medium, path, 0, "build-system file changed",
                               "Check the build change is needed and does not add downloads, "
                               "scripts or flags that weaken the build."));
        const int dependency = dependencyKind(path);
        if (dependency == 2)
            out.push_back(make(kDependencyChange, Severity::Medium, path, 0,
                               "dependency manifest changed",
                               "Review added or upgraded dependencies (origin, licence, pinned "
                               "versions) before merging."));
        else if (dependency == 1)
            out.push_back(make(kLockFileChange, Severity::Low, path, 0,
                               "dependency lock file changed",
                               "Check the lock file matches the manifest change."));
        if (file.binary && file.status != FileStatus::Deleted)
            out.push_back(make(kBinaryFile, Severity::Medium, path, 0,
                               "binary file added or changed",
                               "Binary files cannot be reviewed line by line; check where it "
                               "comes from or build it from source instead."));
        if (!config.planTargetFiles.empty()) {
            const bool planned =
                std::any_of(config.planTargetFiles.begin(), config.planTargetFiles.end(),
                            [&](const std::string& target) {
                                return common::PathGlob::matches(target, file.newPath) ||
                                       common::PathGlob::matches(target, file.oldPath);
                            });
            if (!planned)
                out.push_back(make(kOutsidePlan, Severity::Medium, path, 0,
                                   "file changed outside the plan's target files",
                                   "Limit the change to the planned files, or update the plan "
                                   "first."));
        }
        checkTests(file, out);
    }
    const int deleted = diff.deletions();
    if (config.largeDeletionLines > 0 && deleted >= config.largeDeletionLines)
        out.push_back(make(kLargeDeletion, Severity::Medium, "", 0,
                           "very large deletion: " + std::to_string(deleted) +
                               " lines removed (threshold " +
                               std::to_string(config.largeDeletionLines) + ")",
                           "Confirm the removal is intended; split large removals into their "
                           "own reviewed change."));
}

} // namespace builder::review
