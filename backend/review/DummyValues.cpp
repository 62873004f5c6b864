#include "DummyValues.h"

#include <algorithm>
#include <array>
#include <string>

namespace builder::review {

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text.substr(0, 4096));
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

bool hasRun(std::string_view value, std::size_t length)
{
    std::size_t run = 1;
    for (std::size_t i = 1; i < value.size(); ++i) {
        run = value[i] == value[i - 1] ? run + 1 : 1;
        if (run >= length)
            return true;
    }
    return false;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

bool DummyValues::isDummy(std::string_view value)
{
    if (value.empty())
        return true;
    if (value.front() == '$' || value.front() == '%' || value.front() == '@')
        return true; // $VAR, %VAR%, @var@: substituted at run time
    if (hasRun(value, 6))
        return true;
    const std::string v = lowered(value);
    static constexpr std::array<std::string_view, 11> kMarkers = {
        "<", ">", "${", "{{", "$(", "%(", "#{", "xxxx", "****", "....", "example"};
    for (const auto marker : kMarkers) {
        if (contains(v, marker))
            return true;
    }
    static constexpr std::array<std::string_view, 27> kWords = {
        "changeme", "change_me", "change-me", "replaceme", "replace_me", "replace-me", "your_",
        "your-",    "yourtoken", "yourkey",   "yourpass",  "yoursecret", "dummy",      "fake",
        "sample",   "redacted",  "insert_",   "insert-",   "notreal",    "not_real",   "not-real",
        "foobar",   "lorem",     "qwerty",    "abcdefgh",  "12345678",   "01234567"};
    for (const auto word : kWords) {
        if (contains(v, word))
            return true;
    }
    return false;
}

bool DummyValues::isCommonWord(std::string_view value)
{
    const std::string v = lowered(value);
    static constexpr std::array<std::string_view, 20> kWords = {
        "password", "passwd",   "secret",    "token",    "none",    "null",  "nil",
        "true",     "false",    "undefined", "empty",    "default", "admin", "root",
        "guest",    "changeit", "required",  "optional", "string",  "hidden"};
    for (const auto word : kWords) {
        if (v == word)
            return true;
    }
    return contains(v, "test") || contains(v, "mock");
}

bool DummyValues::isFixturePath(std::string_view path)
{
    const std::string p = "/" + lowered(path);
    static constexpr std::array<std::string_view, 8> kFolders = {
        "/testdata/",      "/fixtures/",      "/fixture/",   "/__fixtures__/",
        "/test-fixtures/", "/test_fixtures/", "/__mocks__/", "/__snapshots__/"};
    for (const auto folder : kFolders) {
        if (contains(p, folder))
            return true;
    }
    const auto slash = p.rfind('/');
    const std::string name = p.substr(slash + 1);
    static constexpr std::array<std::string_view, 6> kMarks = {".example", ".sample", ".template",
                                                               "example.", "sample.", ".dist"};
    for (const auto mark : kMarks) {
        if (contains(name, mark))
            return true;
    }
    return false;
}

bool DummyValues::isChecksumFile(std::string_view path)
{
    const auto slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return name == "go.sum" || name == "go.work.sum";
}

bool DummyValues::isUuid(std::string_view value)
{
    if (value.size() != 36)
        return false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? value[i] != '-' : !isHex(value[i]))
            return false;
    }
    return true;
}

} // namespace builder::review
