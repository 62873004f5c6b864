#include "GitUrl.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace builder::common {

using feature::repository::v1::GitProvider;

struct GitUrl::Outcome
{
    std::optional<GitUrl> url;
    std::string problem;
    bool credentials = false;
};

namespace {

constexpr std::string_view kCredentialsProblem =
    "it embeds credentials; remove them from the URL and put the secret in the credential";

// Prefixes of provider access tokens: a "user name" like these is a secret.
constexpr std::array<std::string_view, 8> kTokenPrefixes = {
    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-"};

// Words that look like a scp-like host but are URL schemes written without "//".
constexpr std::array<std::string_view, 17> kSchemeLikeHosts = {
    "http",   "https", "ftp",  "ftps", "sftp", "file",  "javascript", "data", "vbscript",
    "mailto", "about", "blob", "git",  "ssh",  "rsync", "svn",        "tel"};

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isSchemeChar(unsigned char c)
{
    return std::isalnum(c) || c == '+' || c == '-' || c == '.';
}

bool isValidHostName(std::string_view host)
{
    // A leading '-' would reach ssh as an option (CVE-2017-1000117).
    if (host.empty() || host.front() == '-' || host.front() == '.')
        return false;
    return std::all_of(host.begin(), host.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '.' || c == '_';
    });
}

bool isValidIpv6Literal(std::string_view host)
{
    if (host.empty())
        return false;
    return std::all_of(host.begin(), host.end(),
                       [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; });
}

bool isValidUserName(std::string_view user)
{
    if (user.empty() || user.front() == '-')
        return false;
    return user.find_first_of("@:/") == std::string_view::npos;
}

bool looksLikeToken(std::string_view user)
{
    const std::string lowered = lower(user);
    return std::any_of(kTokenPrefixes.begin(), kTokenPrefixes.end(),
                       [&](std::string_view prefix) { return lowered.starts_with(prefix); });
}

bool hasControlOrSpace(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c <= 0x20 || c == 0x7F;
    });
}

std::optional<std::uint16_t> parsePort(std::string_view digits, bool& ok)
{
    ok = true;
    if (digits.empty())
        return std::nullopt; // "host:" means the default port (RFC 3986)
    if (digits.size() > 5 || !std::all_of(digits.begin(), digits.end(),
                                          [](unsigned char c) { return std::isdigit(c); })) {
        ok = false;
        return std::nullopt;
    }
    int value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    if (value < 1 || value > 65535) {
        ok = false;
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(value);
}

bool hasRepositoryPath(std::string_view path)
{
    return !path.empty() && path != "/";
}

} // namespace

std::optional<GitUrl> GitUrl::parse(std::string_view url)
{
    return parseImpl(url).url;
}

std::string GitUrl::problem(std::string_view url)
{
    return parseImpl(url).problem;
}

bool GitUrl::hasEmbeddedCredentials(std::string_view url)
{
    return parseImpl(url).credentials;
}

GitUrl::Outcome GitUrl::parseImpl(std::string_view text)
{
    if (text.empty())
        return {std::nullopt, "it is empty"};
    if (hasControlOrSpace(text))
        return {std::nullopt, "it must not contain whitespace or control characters"};

    if (const std::size_t sep = text.find("://"); sep != std::string_view::npos && sep > 0) {
        const std::string_view scheme = text.substr(0, sep);
        if (std::isalpha(static_cast<unsigned char>(scheme.front())) &&
            std::all_of(scheme.begin(), scheme.end(),
                        [](unsigned char c) { return isSchemeChar(c); }))
            return parseUrlForm(text, scheme, text.substr(sep + 3));
    }

    if (text.starts_with('/') || text.starts_with("./") || text.starts_with("../")) {
        GitUrl url;
        url.m_text = std::string(text);
        url.m_transport = Transport::LocalPath;
        url.m_path = std::string(text);
        return {std::move(url), {}};
    }

    return parseScpLike(text);
}

GitUrl::Outcome GitUrl::parseUrlForm(std::string_view text, std::string_view scheme,
                                     std::string_view rest)
{
    GitUrl url;
    url.m_text = std::string(text);
    const std::string name = lower(scheme);
    if (name == "https")
        url.m_transport = Transport::Https;
    else if (name == "http")
        url.m_transport = Transport::Http;
    else if (name == "ssh" || name == "git+ssh" || name == "ssh+git")
        url.m_transport = Transport::Ssh;
    else if (name == "git")
        url.m_transport = Transport::Git;
    else if (name == "file")
        url.m_transport = Transport::File;
    else
        return {std::nullopt, "the scheme '" + std::string(scheme) +
                                  "' is not supported; use https, http, ssh, git or file"};

    const std::size_t slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    const std::string_view path =
        slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);

    if (url.m_transport == Transport::File) {
        if (!authority.empty() && lower(authority) != "localhost")
            return {std::nullopt, "a file URL must not name a host; write file:///absolute/path"};
        if (!hasRepositoryPath(path))
            return {std::nullopt, "it has no repository path"};
        url.m_path = std::string(path);
        return {std::move(url), {}};
    }

    std::string_view hostPort = authority;
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        const std::string_view userInfo = authority.substr(0, at);
        hostPort = authority.substr(at + 1);
        if (url.m_transport == Transport::Git)
            return {std::nullopt, "a git:// URL does not take a user name"};
        const bool isHttp =
            url.m_transport == Transport::Https || url.m_transport == Transport::Http;
        if (userInfo.find(':') != std::string_view::npos || (isHttp && looksLikeToken(userInfo)))
            return {std::nullopt, std::string(kCredentialsProblem), true};
        if (!isValidUserName(userInfo))
            return {std::nullopt, "the user name '" + std::string(userInfo) + "' is not valid"};
        url.m_user = std::string(userInfo);
    }

    std::string_view host = hostPort;
    std::string_view portText;
    bool hasPort = false;
    if (hostPort.starts_with('[')) {
        const std::size_t close = hostPort.find(']');
        if (close == std::string_view::npos)
            return {std::nullopt, "the IPv6 host is missing its closing ']'"};
        host = hostPort.substr(1, close - 1);
        const std::string_view after = hostPort.substr(close + 1);
        if (!after.empty() && !after.starts_with(':'))
            return {std::nullopt, "unexpected text after the IPv6 host"};
        if (!after.empty()) {
            hasPort = true;
            portText = after.substr(1);
        }
        if (!isValidIpv6Literal(host))
            return {std::nullopt, "the IPv6 host '" + std::string(host) + "' is not valid"};
    } else {
        if (const std::size_t colon = hostPort.rfind(':'); colon != std::string_view::npos) {
            host = hostPort.substr(0, colon);
            portText = hostPort.substr(colon + 1);
            hasPort = true;
        }
        if (host.empty())
            return {std::nullopt, "it has no host"};
        if (!isValidHostName(host))
            return {std::nullopt, "the host '" + std::string(host) + "' is not a valid host name"};
    }
    if (hasPort) {
        bool ok = true;
        url.m_port = parsePort(portText, ok);
        if (!ok)
            return {std::nullopt, "the port must be a number from 1 to 65535"};
    }
    if (!hasRepositoryPath(path))
        return {std::nullopt, "it has no repository path"};

    url.m_host = std::string(host);
    url.m_path = std::string(path);
    return {std::move(url), {}};
}

GitUrl::Outcome GitUrl::parseScpLike(std::string_view text)
{
    constexpr std::string_view kUnrecognised =
        "it is not a URL, a [user@]host:path address or a local path";
    const std::size_t firstSlash = text.find('/');
    const auto beforeSlash = [&](std::size_t pos) {
        return pos != std::string_view::npos &&
               (firstSlash == std::string_view::npos || pos < firstSlash);
    };

    GitUrl url;
    url.m_text = std::string(text);
    url.m_transport = Transport::Ssh;
    url.m_scpLike = true;

    std::size_t hostStart = 0;
    const std::size_t at = text.find('@');
    const std::size_t firstColon = text.find(':');
    // "user:secret@host:path" would otherwise parse as host "user".
    if (beforeSlash(at) && firstColon < at)
        return {std::nullopt, std::string(kCredentialsProblem), true};
    if (beforeSlash(at)) {
        const std::string_view user = text.substr(0, at);
        if (!isValidUserName(user))
            return {std::nullopt, "the user name '" + std::string(user) + "' is not valid"};
        url.m_user = std::string(user);
        hostStart = at + 1;
    }

    std::string_view host;
    std::size_t pathStart = 0;
    if (hostStart < text.size() && text[hostStart] == '[') {
        const std::size_t close = text.find(']', hostStart);
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return {std::nullopt, std::string(kUnrecognised)};
        host = text.substr(hostStart + 1, close - hostStart - 1);
        if (!isValidIpv6Literal(host))
            return {std::nullopt, "the IPv6 host '" + std::string(host) + "' is not valid"};
        pathStart = close + 2;
    } else {
        const std::size_t colon = text.find(':', hostStart);
        if (!beforeSlash(colon))
            return {std::nullopt, std::string(kUnrecognised)};
        host = text.substr(hostStart, colon - hostStart);
        pathStart = colon + 1;
        if (url.m_user.empty()) {
            const std::string lowered = lower(host);
            if (lowered == "https" || lowered == "http" || lowered == "ssh" || lowered == "git" ||
                lowered == "file")
                return {std::nullopt, "it is missing '//' after '" + std::string(host) + ":'"};
            if (std::find(kSchemeLikeHosts.begin(), kSchemeLikeHosts.end(), lowered) !=
                kSchemeLikeHosts.end())
                return {std::nullopt, "the scheme '" + std::string(host) +
                                          "' is not supported; use https, http, ssh, git or file"};
            // "c:path" is a Windows drive letter to git, not a host.
            if (host.size() == 1)
                return {std::nullopt, "Windows drive paths are not supported"};
        }
        if (host.empty())
            return {std::nullopt, "it has no host"};
        if (!isValidHostName(host))
            return {std::nullopt, "the host '" + std::string(host) + "' is not a valid host name"};
    }

    const std::string_view path = text.substr(pathStart);
    if (path.empty())
        return {std::nullopt, "it has no repository path"};
    url.m_host = std::string(host);
    url.m_path = std::string(path);
    return {std::move(url), {}};
}

bool GitUrl::isRemote() const
{
    return m_transport != Transport::File && m_transport != Transport::LocalPath;
}

std::string GitUrl::localPath() const
{
    return isRemote() ? std::string{} : m_path;
}

GitProvider GitUrl::detectProvider() const
{
    if (!isRemote())
        return feature::repository::v1::GIT_PROVIDER_GENERIC;
    const std::string host = lower(m_host);
    const auto is = [&](std::string_view name) { return host == name; };
    const auto under = [&](std::string_view domain) {
        return host.size() > domain.size() && host.ends_with(domain) &&
               host[host.size() - domain.size() - 1] == '.';
    };

    if (is("github.com") || under("github.com"))
        return feature::repository::v1::GIT_PROVIDER_GITHUB;
    if (is("gitlab.com") || under("gitlab.com") || host.starts_with("gitlab."))
        return feature::repository::v1::GIT_PROVIDER_GITLAB;
    if (is("bitbucket.org") || under("bitbucket.org") || host.starts_with("bitbucket."))
        return feature::repository::v1::GIT_PROVIDER_BITBUCKET;
    if (is("dev.azure.com") || is("ssh.dev.azure.com") || under("visualstudio.com"))
        return feature::repository::v1::GIT_PROVIDER_AZURE_DEVOPS;
    if (is("gitea.com") || is("codeberg.org") || host.starts_with("gitea."))
        return feature::repository::v1::GIT_PROVIDER_GITEA;
    // GitHub Enterprise hosts are named freely but almost always mention github.
    if (host.find("github") != std::string::npos)
        return feature::repository::v1::GIT_PROVIDER_GITHUB;
    return feature::repository::v1::GIT_PROVIDER_GENERIC;
}

} // namespace builder::common
