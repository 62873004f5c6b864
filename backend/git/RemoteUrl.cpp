#include "git/RemoteUrl.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace builder::git {

namespace {

constexpr std::string_view kFileScheme = "file://";
constexpr std::string_view kSchemeSeparator = "://";
constexpr std::string_view kMask = "***";
constexpr std::string_view kSchemes[] = {"http",    "https", "ssh", "git+ssh",
                                         "ssh+git", "git",   "file"};

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const char folded = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (folded >= 'a' && folded <= 'f') {
        return folded - 'a' + 10;
    }
    return -1;
}

std::string percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out.push_back(static_cast<char>(high * 16 + low));
                i += 2;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

// The "[user[:password]@]host[:port]" part of scheme://authority/path, or empty.
std::string_view authorityOf(std::string_view url)
{
    const auto scheme = url.find(kSchemeSeparator);
    if (scheme == std::string_view::npos) {
        return {};
    }
    std::string_view rest = url.substr(scheme + kSchemeSeparator.size());
    return rest.substr(0, rest.find('/'));
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Strips user info and port from an authority; keeps IPv6 brackets whole.
std::string_view hostOfAuthority(std::string_view authority)
{
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        authority.remove_prefix(at + 1);
    }
    if (startsWith(authority, "[")) {
        return authority.substr(0, authority.find(']') + 1);
    }
    return authority.substr(0, authority.find(':'));
}

} // namespace

bool RemoteUrl::isLocal(std::string_view url)
{
    if (startsWith(url, kFileScheme)) {
        return true;
    }
    if (url.empty() || url.find(kSchemeSeparator) != std::string_view::npos) {
        return false;
    }
    // git's rule: a colon before the first slash makes "host:path" an ssh URL.
    const auto colon = url.find(':');
    return colon == std::string_view::npos || url.find('/') < colon;
}

bool RemoteUrl::hasSupportedScheme(std::string_view url)
{
    const auto separator = url.find(kSchemeSeparator);
    if (separator == std::string_view::npos) {
        return true; // a path or scp-like ssh
    }
    const std::string scheme = lower(url.substr(0, separator));
    return std::find(std::begin(kSchemes), std::end(kSchemes), scheme) != std::end(kSchemes);
}

std::string RemoteUrl::localPath(std::string_view url)
{
    if (!startsWith(url, kFileScheme)) {
        return std::string(url);
    }
    std::string_view path = url.substr(kFileScheme.size());
    if (startsWith(path, "localhost/")) {
        path.remove_prefix(std::string_view("localhost").size());
    }
    return percentDecode(path);
}

std::string RemoteUrl::host(std::string_view url)
{
    if (isLocal(url)) {
        return {};
    }
    if (url.find(kSchemeSeparator) != std::string_view::npos) {
        return lower(hostOfAuthority(authorityOf(url)));
    }
    return lower(hostOfAuthority(url.substr(0, url.find(':'))));
}

std::string_view RemoteUrl::password(std::string_view url)
{
    const std::string_view authority = authorityOf(url);
    const auto at = authority.rfind('@');
    if (at == std::string_view::npos) {
        return {};
    }
    const std::string_view userInfo = authority.substr(0, at);
    const auto colon = userInfo.find(':');
    return colon == std::string_view::npos ? std::string_view{} : userInfo.substr(colon + 1);
}

std::string RemoteUrl::redacted(std::string_view url)
{
    const std::string_view authority = authorityOf(url);
    const auto at = authority.rfind('@');
    if (at == std::string_view::npos) {
        return std::string(url);
    }
    const std::string_view userInfo = authority.substr(0, at);
    const std::string scheme = lower(url.substr(0, url.find(kSchemeSeparator)));
    // Only ssh user names are routinely harmless ("git@"); elsewhere a lone user
    // name is often a token (https://TOKEN@host/...).
    const bool ssh = scheme == "ssh" || scheme == "git+ssh" || scheme == "ssh+git";
    std::string safeUserInfo(kMask);
    if (ssh) {
        safeUserInfo = std::string(userInfo.substr(0, userInfo.find(':')));
        if (userInfo.find(':') != std::string_view::npos) {
            safeUserInfo += ":";
            safeUserInfo += kMask;
        }
    }
    const std::size_t userInfoStart = static_cast<std::size_t>(userInfo.data() - url.data());
    std::string out(url.substr(0, userInfoStart));
    out += safeUserInfo;
    out += url.substr(userInfoStart + userInfo.size());
    return out;
}

} // namespace builder::git
