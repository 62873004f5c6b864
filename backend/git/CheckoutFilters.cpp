#include "git/CheckoutFilters.h"

#include "git/GitBuffer.h"
#include "git/GitHandle.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace builder::git {

namespace {

constexpr const char* kAttributesFile = ".gitattributes";
constexpr int kStopWalk = -1;

int findAttributes(const char*, const git_tree_entry* entry, void* payload)
{
    if (std::strcmp(git_tree_entry_name(entry), kAttributesFile) == 0) {
        *static_cast<bool*>(payload) = true;
        return kStopWalk;
    }
    return 0;
}

bool treeHasAttributes(const git_tree* tree)
{
    bool found = false;
    const int rc = git_tree_walk(tree, GIT_TREEWALK_PRE, &findAttributes, &found);
    // Any other failure: assume attributes, so the checkout stays correct.
    return found || (rc < 0 && rc != kStopWalk && rc != GIT_EUSER);
}

// libgit2 reads $XDG_CONFIG_HOME/git/attributes (or ~/.config/git/attributes)
// when core.attributesFile is unset.
bool globalAttributesFileExists()
{
    std::string base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        base = std::string(home) + "/.config";
    } else {
        return false;
    }
    std::error_code ec;
    return std::filesystem::exists(base + "/git/attributes", ec);
}

bool configAsksForFilters(git_repository* repo)
{
    ConfigHandle config;
    if (git_repository_config_snapshot(config.out(), repo) < 0) {
        return true;
    }
    GitBuffer attributesFile;
    if (git_config_get_string_buf(attributesFile.get(), config.get(), "core.attributesFile") == 0) {
        return true;
    }
    GitBuffer autocrlf;
    if (git_config_get_string_buf(autocrlf.get(), config.get(), "core.autocrlf") == 0) {
        int enabled = 0;
        // "input" is no boolean and means conversion on commit.
        if (git_config_parse_bool(&enabled, autocrlf.str().c_str()) < 0 || enabled != 0) {
            return true;
        }
    }
    return false;
}

} // namespace

bool CheckoutFilters::needed(git_repository* repo, const git_tree* tree)
{
    return treeHasAttributes(tree) || configAsksForFilters(repo) || globalAttributesFileExists();
}

} // namespace builder::git
