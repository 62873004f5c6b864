#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace builder::executor {

// Without a JUnit report, the test runner's own summary lines give the counts
// and failing names: ctest, pytest, cargo, go test, jest, mocha, Maven and
// Gradle. Lines are read one at a time (each bounded), never the whole output
// with one regular expression.
class TestSummaryParser
{
public:
    struct Counts
    {
        std::string runner;
        int total = 0;
        int failed = 0;
        int skipped = 0;
        std::vector<std::string> failedNames;
    };

    static std::optional<Counts> parse(std::string_view output);
};

} // namespace builder::executor
