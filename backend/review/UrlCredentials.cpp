#include "UrlCredentials.h"

#include "DummyValues.h"

#include <algorithm>
#include <array>

namespace builder::review {

namespace {

bool isSchemeChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '.' || c == '-';
}

bool isHostChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == '[' || c == ']' || c == ':';
}

bool stopsUserInfo(char c)
{
    return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' || c == '/' || c == '?' ||
           c == '#' || c == '<' || c == '>' || c == '\\' || c == ',' || c == ';';
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

bool dummyPassword(std::string_view password)
{
    if (DummyValues::isDummy(password))
        return true;
    if (password.find('{') != std::string_view::npos ||
        password.find("%s") != std::string_view::npos)
        return true;
    static constexpr std::array<std::string_view, 12> kWords = {
        "password", "pass", "passwd", "pwd", "secret", "user",
        "username", "pw",   "p",      "x",   "***",    "changeit"};
    const std::string p = lower(password);
    return std::find(kWords.begin(), kWords.end(), p) != kWords.end();
}

bool documentationHost(const std::string& host)
{
    auto endsWith = [&host](std::string_view suffix) {
        return host.size() >= suffix.size() &&
               host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return host.find("example") != std::string::npos || endsWith(".test") || endsWith(".invalid") ||
           host == "host" || host == "hostname";
}

} // namespace

std::optional<UrlCredentials::Match> UrlCredentials::at(std::string_view line,
                                                        std::size_t separator)
{
    std::size_t begin = separator;
    while (begin > 0 && isSchemeChar(line[begin - 1]))
        --begin;
    if (begin == separator ||
        !((line[begin] >= 'a' && line[begin] <= 'z') || (line[begin] >= 'A' && line[begin] <= 'Z')))
        return std::nullopt;
    const std::size_t infoBegin = separator + 3;
    std::size_t at = infoBegin;
    while (at < line.size() && line[at] != '@' && !stopsUserInfo(line[at]))
        ++at;
    if (at >= line.size() || line[at] != '@')
        return std::nullopt;
    const std::string_view info = line.substr(infoBegin, at - infoBegin);
    const auto colon = info.find(':');
    if (colon == std::string_view::npos || colon + 1 >= info.size())
        return std::nullopt;
    const std::string_view password = info.substr(colon + 1);
    if (dummyPassword(password))
        return std::nullopt;
    std::size_t hostEnd = at + 1;
    while (hostEnd < line.size() && isHostChar(line[hostEnd]))
        ++hostEnd;
    if (hostEnd == at + 1)
        return std::nullopt;
    Match match;
    match.begin = begin;
    match.end = hostEnd;
    match.scheme = lower(line.substr(begin, separator - begin));
    match.passwordBegin = infoBegin + colon + 1;
    match.passwordEnd = at;
    std::string host = lower(line.substr(at + 1, hostEnd - at - 1));
    const auto port = host.rfind(':');
    if (port != std::string::npos && host.find(']') == std::string::npos)
        host.resize(port);
    if (documentationHost(host))
        return std::nullopt;
    match.localHost =
        host == "localhost" || host.rfind("127.", 0) == 0 || host == "[::1]" || host == "0.0.0.0";
    match.host = std::move(host);
    return match;
}

} // namespace builder::review
