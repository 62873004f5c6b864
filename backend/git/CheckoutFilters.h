#pragma once

// Private to builder_git: includes libgit2.
#include <git2.h>

namespace builder::git {

// Decides whether a checkout must run git's content filters (end-of-line
// conversion, ident). They are needed only when attributes or core.autocrlf ask
// for them, and skipping them is what makes a fresh checkout as fast as git's:
// libgit2 1.5 resolves every file's attributes with several realpath() calls.
class CheckoutFilters
{
public:
    // False only when tree has no .gitattributes anywhere, no global attributes
    // file exists and core.autocrlf is unset or false for repo.
    static bool needed(git_repository* repo, const git_tree* tree);
};

} // namespace builder::git
