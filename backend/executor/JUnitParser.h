#pragma once

#include "common/Result.h"
#include "executor/VerifyReport.h"

#include <string_view>
#include <vector>

namespace builder::executor {

// Reads JUnit XML as ctest --output-junit, pytest --junitxml, Maven surefire
// and Gradle write it: <testsuites>/<testsuite>/<testcase> with <failure>,
// <error> and <skipped> children (ctest also marks status="fail"/"notrun").
// Counts come from the test cases themselves, not the suites' attributes.
class JUnitParser
{
public:
    struct Summary
    {
        int total = 0;
        int failed = 0; // failures and errors
        int skipped = 0;
        std::vector<TestFailure> failures;
    };

    static constexpr std::size_t kMaxMessageBytes = 4096;

    static common::Result<Summary> parse(std::string_view xml);
    static void merge(Summary& into, const Summary& from);
};

} // namespace builder::executor
