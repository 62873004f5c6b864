#pragma once

#include <string>
#include <string_view>

namespace builder::webhook {

// The comparable form of a git remote URL, so that a GitHub payload's html_url,
// clone_url and ssh_url all match the URL a repository was registered with:
// "github.com/acme/api" for https://github.com/acme/api.git,
// git@github.com:acme/api.git and ssh://git@GitHub.com:22/acme/api/. Scheme,
// user, port, a trailing ".git" and slashes are dropped and the rest is
// lower-cased (GitHub owner and repository names are case-insensitive).
class RepositoryUrlKey
{
public:
    static std::string of(std::string_view url);
};

} // namespace builder::webhook
