#include "TestPaths.h"

#include <algorithm>
#include <array>
#include <string>

namespace builder::review {

bool TestPaths::isTest(std::string_view path)
{
    std::string p = "/" + std::string(path);
    std::string lower = p;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    static constexpr std::array<std::string_view, 7> kFolders = {
        "/test/", "/tests/", "/spec/", "/specs/", "/__tests__/", "/testing/", "/androidtest/"};
    for (const auto folder : kFolders) {
        if (lower.find(folder) != std::string::npos)
            return true;
    }
    const auto slash = p.rfind('/');
    const std::string name = p.substr(slash + 1);
    const std::string lname = lower.substr(slash + 1);
    const auto dot = lname.find('.');
    const std::string stem = dot == std::string::npos ? lname : lname.substr(0, dot);
    const std::string realStem = dot == std::string::npos ? name : name.substr(0, dot);
    auto endsWith = [](const std::string& s, std::string_view suffix) {
        return s.size() > suffix.size() &&
               s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (stem.rfind("test_", 0) == 0 || stem.rfind("tst_", 0) == 0 || endsWith(stem, "_test") ||
        endsWith(stem, "_spec") || endsWith(stem, "_tests"))
        return true;
    if (lname.find(".test.") != std::string::npos || lname.find(".spec.") != std::string::npos)
        return true;
    // JUnit/NUnit naming: FooTest.java, FooTests.cs, FooIT.java.
    return endsWith(realStem, "Test") || endsWith(realStem, "Tests") || endsWith(realStem, "IT");
}

} // namespace builder::review
