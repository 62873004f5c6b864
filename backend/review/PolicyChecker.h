#pragma once

#include "Finding.h"
#include "common/diff/UnifiedDiff.h"

#include <string>
#include <string_view>
#include <vector>

namespace builder::review {

// What the policy checks are told about the change.
struct PolicyConfig
{
    std::vector<std::string> forbiddenPaths;  // PathGlob patterns
    std::vector<std::string> planTargetFiles; // PathGlob patterns; empty: not checked
    int largeDeletionLines = 500;             // total deleted lines that count as "very large"
};

// Repository-policy findings from the shape of the diff: forbidden paths, CI,
// build and dependency changes, tests deleted/skipped/weakened, very large
// deletions, binary files, and files outside the plan.
class PolicyChecker
{
public:
    static void check(const common::diff::UnifiedDiff& diff, const PolicyConfig& config,
                      std::vector<Finding>& out);

    // Policy findings the code generator can fix by another iteration (revert
    // the test change, drop the stray file); the others need a person.
    static bool isFixable(std::string_view ruleId);

    static bool isCiFile(std::string_view path);
    static bool isBuildFile(std::string_view path);
    // 2: a dependency manifest, 1: a lock file, 0: neither.
    static int dependencyKind(std::string_view path);

    // The rule ids, for callers and tests.
    static constexpr const char* kForbiddenPath = "policy-forbidden-path";
    static constexpr const char* kCiChange = "policy-ci-change";
    static constexpr const char* kBuildChange = "policy-build-change";
    static constexpr const char* kDependencyChange = "policy-dependency-change";
    static constexpr const char* kLockFileChange = "policy-lockfile-change";
    static constexpr const char* kTestDeleted = "policy-test-deleted";
    static constexpr const char* kTestSkipped = "policy-test-skipped";
    static constexpr const char* kAssertionsRemoved = "policy-assertions-removed";
    static constexpr const char* kLargeDeletion = "policy-large-deletion";
    static constexpr const char* kBinaryFile = "policy-binary-file";
    static constexpr const char* kOutsidePlan = "policy-outside-plan";

private:
    static void checkTests(const common::diff::DiffFile& file, std::vector<Finding>& out);
};

} // namespace builder::review
