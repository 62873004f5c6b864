#pragma once

#include <string>
#include <string_view>

namespace builder::git {

// Reads a remote URL the way git picks a transport, without touching the network.
class RemoteUrl
{
public:
    // file:// URLs and filesystem paths; "host:path" (scp-like) is ssh, as in git.
    static bool isLocal(std::string_view url);
    // True for the transports git speaks: http(s), ssh (also scp-like), git, file
    // and plain paths.
    static bool hasSupportedScheme(std::string_view url);
    // The filesystem path of a local URL: file:// stripped and percent-decoded.
    static std::string localPath(std::string_view url);
    // Lower-case host of "scheme://[user@]host[:port]/..." or "[user@]host:path";
    // empty for local URLs.
    static std::string host(std::string_view url);
    // The password of "scheme://user:password@host/..." or empty; a view into url.
    static std::string_view password(std::string_view url);
    // The URL safe to show: user info becomes "***", except an ssh user name.
    static std::string redacted(std::string_view url);
};

} // namespace builder::git
