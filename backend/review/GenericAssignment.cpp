#include "GenericAssignment.h"

#include "AssignedValue.h"
#include "DummyValues.h"
#include "Entropy.h"

#include <algorithm>
#include <array>
#include <vector>

namespace builder::review {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The words of a key name: split at '_', '-', '.', and lower-to-upper steps
// ("dbPasswordHash" -> db, password, hash), lower-cased.
std::vector<std::string> keyWords(std::string_view key)
{
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool upper = c >= 'A' && c <= 'Z';
        const bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum) {
            if (!words.back().empty())
                words.emplace_back();
            continue;
        }
        if (upper && i > 0 && key[i - 1] >= 'a' && key[i - 1] <= 'z' && !words.back().empty())
            words.emplace_back();
        words.back().push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
    }
    if (words.back().empty())
        words.pop_back();
    return words;
}

// Key names that mention a credential without holding one.
bool excludedKey(std::string_view key)
{
    static constexpr std::array<std::string_view, 60> kWords = {
        "url",        "uri",      "path",        "file",        "dir",      "name",    "id",
        "type",       "length",   "len",         "count",       "size",     "format",  "prefix",
        "suffix",     "policy",   "rotation",    "timeout",     "ttl",      "header",  "field",
        "param",      "endpoint", "hash",        "hashed",      "sha",      "sha1",    "sha256",
        "md5",        "digest",   "checksum",    "fingerprint", "regex",    "pattern", "label",
        "hint",       "desc",     "description", "message",     "msg",      "error",   "valid",
        "validation", "min",      "max",         "reset",       "forgot",   "confirm", "strength",
        "prompt",     "input",    "version",     "enabled",     "required", "rule",    "text",
        "title",      "template", "column",      "selector"};
    for (const auto& word : keyWords(key)) {
        if (std::find(kWords.begin(), kWords.end(), word) != kWords.end())
            return true;
        if (word.find("expir") != std::string::npos || word.find("tokeniz") != std::string::npos)
            return true;
    }
    return false;
}

int characterClasses(std::string_view value)
{
    bool lowerCase = false, upperCase = false, digit = false, other = false;
    for (const char c : value) {
        if (c >= 'a' && c <= 'z')
            lowerCase = true;
        else if (c >= 'A' && c <= 'Z')
            upperCase = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else
            other = true;
    }
    return int(lowerCase) + int(upperCase) + int(digit) + int(other);
}

bool looksLikeReference(std::string_view value)
{
    // ENV_VAR_NAME, dotted.config.keys, expressions and structured values.
    bool identifierOnly = true, hasUnderscoreOrDot = false, hasLower = false;
    for (const char c : value) {
        if (c == '_' || c == '.')
            hasUnderscoreOrDot = true;
        else if (c >= 'a' && c <= 'z')
            hasLower = true;
        else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            identifierOnly = false;
    }
    if (identifierOnly && hasUnderscoreOrDot &&
        (!hasLower || value.find('.') != std::string_view::npos))
        return true;
    if (value.find('(') != std::string_view::npos || value.find("://") != std::string_view::npos)
        return true;
    static constexpr std::array<std::string_view, 10> kStarts = {
        "/", "./", "../", "~/", "[", "{", "!", "&", "ENC[", "vault:"};
    for (const auto start : kStarts) {
        if (value.substr(0, start.size()) == start)
            return true;
    }
    return false;
}

} // namespace

bool GenericAssignment::isConfigFile(std::string_view path)
{
    const auto slash = path.rfind('/');
    const std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    if (name.rfind(".env", 0) == 0 || endsWith(name, ".env") || name == "dockerfile" ||
        name.rfind("dockerfile.", 0) == 0)
        return true;
    static constexpr std::array<std::string_view, 12> kExtensions = {
        ".ini",  ".cfg",    ".conf", ".properties", ".yaml", ".yml",
        ".toml", ".tfvars", ".sh",   ".bash",       ".zsh",  ".envrc"};
    for (const auto extension : kExtensions) {
        if (endsWith(name, extension))
            return true;
    }
    return false;
}

std::optional<GenericAssignment::Hit> GenericAssignment::check(std::string_view line,
                                                               std::size_t wordBegin,
                                                               std::size_t wordEnd,
                                                               bool passwordLike, bool configFile)
{
    const std::string_view name = AssignedValue::keyName(line, wordBegin, wordEnd);
    const std::string key = lower(name);
    if (key.empty() || excludedKey(name))
        return std::nullopt;
    // "pwd" only as its own word part: not inside "cwd"-like or longer words.
    if (key.find("pwd") != std::string::npos && key.find("password") == std::string::npos &&
        key != "pwd" && key.find("_pwd") == std::string::npos &&
        key.find("pwd_") == std::string::npos)
        return std::nullopt;
    const auto span = AssignedValue::after(line, wordEnd);
    if (!span || (span->quote == 0 && !configFile))
        return std::nullopt;
    const std::string_view value = line.substr(span->begin, span->end - span->begin);
    const std::size_t minLength = passwordLike ? kPasswordMinLength : kSecretMinLength;
    const double minEntropy = passwordLike ? kPasswordMinEntropy : kSecretMinEntropy;
    if (value.size() < minLength || value.size() > kMaxLength)
        return std::nullopt;
    if (value.find_first_of(" \t") != std::string_view::npos)
        return std::nullopt;
    if (DummyValues::isDummy(value) || DummyValues::isCommonWord(value) ||
        DummyValues::isUuid(value) || looksLikeReference(value))
        return std::nullopt;
    if (characterClasses(value) < 2 || Entropy::bitsPerByte(value) < minEntropy)
        return std::nullopt;
    return Hit{span->begin, span->end, std::string(name)};
}

} // namespace builder::review
