#include "TestSummaryParser.h"

#include <regex>

namespace builder::executor {

namespace {

constexpr std::size_t kMaxLine = 2048;
constexpr std::size_t kMaxNames = 200;

int number(const std::ssub_match& match)
{
    return match.matched ? std::stoi(match.str()) : 0;
}

int countOf(const std::string& line, const char* word)
{
    const std::regex pattern(std::string("(\\d+) ") + word);
    std::smatch match;
    return std::regex_search(line, match, pattern) ? std::stoi(match[1].str()) : 0;
}

void addName(std::vector<std::string>& names, std::string name)
{
    if (names.size() < kMaxNames && !name.empty())
        names.push_back(std::move(name));
}

} // namespace

std::optional<TestSummaryParser::Counts> TestSummaryParser::parse(std::string_view output)
{
    static const std::regex ctest(R"((\d+)% tests passed, (\d+) tests? failed out of (\d+))");
    static const std::regex ctestFailed(
        R"(^\s*\d+ - (\S+) \((Failed|Not Run|Timeout|SEGFAULT|Exception|Subprocess aborted|Child aborted)\))");
    static const std::regex pytestSummary(
        R"(^=+ .*\b(passed|failed|error|errors|skipped)\b.* in [0-9.]+s.*=+$)");
    static const std::regex pytestFailed(R"(^(FAILED|ERROR) (\S+))");
    static const std::regex cargo(
        R"(^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored)");
    static const std::regex cargoFailed(R"(^---- (\S+) stdout ----)");
    static const std::regex goFailed(R"(^\s*--- FAIL: (\S+))");
    static const std::regex goPassed(R"(^\s*--- PASS: )");
    static const std::regex goPackage(R"(^(ok|FAIL)\s+\S+)");
    static const std::regex jest(
        R"(^Tests:\s+(?:(\d+) failed, )?(?:(\d+) skipped, )?(?:(\d+) todo, )?(?:(\d+) passed, )?(\d+) total)");
    static const std::regex mocha(R"(^\s+(\d+) (passing|failing|pending)\b)");
    static const std::regex maven(
        R"(Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*$)");
    static const std::regex gradle(R"((\d+) tests? completed, (\d+) failed(?:, (\d+) skipped)?)");

    const auto counted = [](const char* runner, int total, int failed, int skipped) {
        Counts counts;
        counts.runner = runner;
        counts.total = total;
        counts.failed = failed;
        counts.skipped = skipped;
        return counts;
    };
    std::optional<Counts> found;
    const auto named = [](const char* runner) {
        Counts counts;
        counts.runner = runner;
        return counts;
    };
    Counts go = named("go test");
    bool sawGo = false;
    Counts mochaCounts = named("mocha");
    bool sawMocha = false;
    Counts cargoCounts = named("cargo test");
    bool sawCargo = false;
    std::vector<std::string> names;

    std::size_t start = 0;
    while (start < output.size()) {
        std::size_t end = output.find('\n', start);
        if (end == std::string_view::npos)
            end = output.size();
        std::string line(output.substr(start, std::min(end - start, kMaxLine)));
        start = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::smatch m;
        if (std::regex_search(line, m, ctest)) {
            found = counted("ctest", number(m[3]), number(m[2]), 0);
        } else if (std::regex_search(line, m, ctestFailed)) {
            addName(names, m[1].str());
        } else if (std::regex_search(line, m, pytestSummary)) {
            Counts counts = named("pytest");
            counts.failed = countOf(line, "failed") + countOf(line, "error");
            counts.skipped = countOf(line, "skipped");
            counts.total = counts.failed + counts.skipped + countOf(line, "passed") +
                           countOf(line, "xfailed") + countOf(line, "xpassed");
            found = counts;
        } else if (std::regex_search(line, m, pytestFailed)) {
            const std::string id = m[2].str();
            addName(names, id);
        } else if (std::regex_search(line, m, cargo)) {
            sawCargo = true;
            cargoCounts.total += number(m[1]) + number(m[2]) + number(m[3]);
            cargoCounts.failed += number(m[2]);
            cargoCounts.skipped += number(m[3]);
        } else if (std::regex_search(line, m, cargoFailed)) {
            addName(names, m[1].str());
        } else if (std::regex_search(line, m, goFailed)) {
            sawGo = true;
            ++go.failed;
            ++go.total;
            addName(names, m[1].str());
        } else if (std::regex_search(line, m, goPassed)) {
            sawGo = true;
            ++go.total;
        } else if (std::regex_search(line, m, goPackage)) {
            sawGo = true;
        } else if (std::regex_search(line, m, jest)) {
            found = counted("jest", number(m[5]), number(m[1]), number(m[2]) + number(m[3]));
        } else if (std::regex_search(line, m, mocha)) {
            sawMocha = true;
            const int n = number(m[1]);
            mochaCounts.total += n;
            if (m[2] == "failing")
                mochaCounts.failed = n;
            else if (m[2] == "pending")
                mochaCounts.skipped = n;
        } else if (std::regex_search(line, m, maven)) {
            // The last such line is the build's total.
            found = counted("maven", number(m[1]), number(m[2]) + number(m[3]), number(m[4]));
        } else if (std::regex_search(line, m, gradle)) {
            found = counted("gradle", number(m[1]), number(m[2]), number(m[3]));
        }
    }
    if (!found && sawCargo)
        found = cargoCounts;
    if (!found && sawMocha)
        found = mochaCounts;
    if (!found && sawGo)
        found = go;
    if (found)
        found->failedNames = std::move(names);
    return found;
}

} // namespace builder::executor
