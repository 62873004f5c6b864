#pragma once

#include "feature/repository/v1/repository.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace builder::common {

// A parsed git remote: the URL forms git itself accepts that Builder allows.
class GitUrl
{
public:
    enum class Transport
    {
        Https,
        Http,
        Ssh,
        Git,
        File,
        LocalPath
    };

    // Parses https://, http://, ssh:// (also git+ssh://), git://, file:// URLs,
    // scp-like [user@]host:path, and local paths (/abs, ./rel, ../rel).
    static std::optional<GitUrl> parse(std::string_view url);

    // Why parse() rejects the text, as a clause ("the scheme ftp is not
    // supported"); empty when it parses.
    static std::string problem(std::string_view url);

    // True when the text is rejected only because it embeds a secret (a password
    // or an access token) that belongs in a credential instead.
    static bool hasEmbeddedCredentials(std::string_view url);

    Transport transport() const { return m_transport; }
    const std::string& host() const { return m_host; }
    std::optional<std::uint16_t> port() const { return m_port; }
    // Remote path as written (leading '/' kept for URL forms); local path for File/LocalPath.
    const std::string& path() const { return m_path; }
    const std::string& user() const { return m_user; }
    const std::string& text() const { return m_text; }
    bool isScpLike() const { return m_scpLike; }
    bool isRemote() const;
    // The filesystem path for File and LocalPath; empty for remotes.
    std::string localPath() const;

    feature::repository::v1::GitProvider detectProvider() const;

private:
    struct Outcome;
    GitUrl() = default;
    static Outcome parseImpl(std::string_view text);
    static Outcome parseUrlForm(std::string_view text, std::string_view scheme,
                                std::string_view rest);
    static Outcome parseScpLike(std::string_view text);

    Transport m_transport = Transport::LocalPath;
    std::string m_text;
    std::string m_host;
    std::optional<std::uint16_t> m_port;
    std::string m_path;
    std::string m_user;
    bool m_scpLike = false;
};

} // namespace builder::common
