#include "RepositoryUrlKey.h"

#include <algorithm>
#include <cctype>

namespace builder::webhook {

std::string RepositoryUrlKey::of(std::string_view text)
{
    std::string url(text);
    url.erase(0, url.find_first_not_of(" \t\r\n"));
    url.erase(url.find_last_not_of(" \t\r\n") + 1);
    std::transform(url.begin(), url.end(), url.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });

    std::string host;
    std::string path;
    const auto scheme = url.find("://");
    if (scheme != std::string::npos) {
        auto rest = url.substr(scheme + 3);
        const auto slash = rest.find('/');
        auto authority = rest.substr(0, slash);
        path = slash == std::string::npos ? std::string() : rest.substr(slash);
        if (const auto at = authority.rfind('@'); at != std::string::npos)
            authority = authority.substr(at + 1);
        if (const auto colon = authority.rfind(':');
            colon != std::string::npos && authority.find(']') == std::string::npos)
            authority = authority.substr(0, colon);
        host = authority;
    } else if (const auto colon = url.find(':');
               colon != std::string::npos && url.find('/') > colon) {
        // scp-like: [user@]host:path
        host = url.substr(0, colon);
        if (const auto at = host.rfind('@'); at != std::string::npos)
            host = host.substr(at + 1);
        path = url.substr(colon + 1);
    } else {
        path = url; // a local path
    }
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    if (path.size() > 4 && path.compare(path.size() - 4, 4, ".git") == 0)
        path.resize(path.size() - 4);
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    if (!host.empty())
        while (!path.empty() && path.front() == '/')
            path.erase(0, 1);
    return host.empty() ? path : host + "/" + path;
}

} // namespace builder::webhook
