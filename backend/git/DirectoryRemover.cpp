#include "git/DirectoryRemover.h"

#include <filesystem>
#include <system_error>

namespace builder::git {

namespace fs = std::filesystem;

namespace {

// Gives the owner write and search access to every directory below path, so that
// their entries can be unlinked. Symbolic links are never followed.
void makeDirectoriesWritable(const fs::path& path)
{
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code entryEc;
        if (it->is_directory(entryEc) && !it->is_symlink(entryEc)) {
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, entryEc);
        }
    }
}

} // namespace

common::Status DirectoryRemover::remove(const std::string& path)
{
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) {
        return {};
    }
    if (fs::is_symlink(status) || !fs::is_directory(status)) {
        fs::remove(path, ec);
    } else if (fs::remove_all(path, ec); ec) {
        ec.clear();
        makeDirectoriesWritable(path);
        fs::remove_all(path, ec);
    }
    if (ec) {
        return common::Error::internal("cannot delete " + path + ": " + ec.message());
    }
    return {};
}

} // namespace builder::git
