#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace builder::executor {

struct TestFailure
{
    std::string suite;
    std::string name;
    std::string message;
};

// What a verification found. A failed build or failing tests are a report,
// not an Error. `failureCode` is the gate's verdict in the API's words
// ("" when it passed, "BUILD_FAILED" or "TEST_FAILED"), so the pipeline does
// not re-derive it from the flags.
struct VerifyReport
{
    std::string detection; // what was detected and which commands were chosen
    std::vector<std::string> commands;
    bool buildRan = false, buildPassed = false, testsRan = false, testsPassed = false;
    int testsTotal = 0, testsFailed = 0, testsSkipped = 0;
    std::vector<TestFailure> failures;
    std::string failureOutput; // tail of the failing command's output (bounded)
    bool outputTruncated = false, timedOut = false;
    std::vector<std::filesystem::path> artifacts; // build log, test log, JUnit, coverage
    std::string sandboxDescription;
    std::string failureCode; // "", "BUILD_FAILED", "TEST_FAILED"
    std::string summary;     // one line for events, e.g. "tests: 2 of 10 failed"
    bool passed() const { return failureCode.empty(); }
};

} // namespace builder::executor
