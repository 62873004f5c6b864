#include "git/RepositoryOpener.h"

#include "git/GitError.h"
#include "git/GitRuntime.h"

#include <filesystem>

namespace builder::git {

using common::Error;
using common::Result;
using common::StatusCode;

namespace {

enum class Kind
{
    Bare,
    WorkTree,
    Any
};

Result<RepositoryHandle> open(const std::string& path, const std::string& what, Kind kind)
{
    if (auto init = GitRuntime::ensureInitialized(); !init) {
        return init.error();
    }
    std::error_code ec;
    if (path.empty() || !std::filesystem::is_directory(path, ec)) {
        return Error::notFound("the " + what + " " + path + " does not exist");
    }
    RepositoryHandle repo;
    const int rc =
        git_repository_open_ext(repo.out(), path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (rc == GIT_ENOTFOUND) {
        return Error::failedPrecondition("the " + what + " " + path + " is not a git repository");
    }
    if (rc < 0) {
        return GitError::capture(rc).toError(StatusCode::FailedPrecondition,
                                             "cannot open the " + what + " " + path);
    }
    const bool bare = git_repository_is_bare(repo.get()) != 0;
    if (kind == Kind::Bare && !bare) {
        return Error::failedPrecondition("the " + what + " " + path + " is not a bare repository");
    }
    if (kind == Kind::WorkTree && bare) {
        return Error::failedPrecondition("the " + what + " " + path +
                                         " is a bare repository, not a work tree");
    }
    return repo;
}

} // namespace

Result<RepositoryHandle> RepositoryOpener::bare(const std::string& path, const std::string& what)
{
    return open(path, what, Kind::Bare);
}

Result<RepositoryHandle> RepositoryOpener::workTree(const std::string& path,
                                                    const std::string& what)
{
    return open(path, what, Kind::WorkTree);
}

Result<RepositoryHandle> RepositoryOpener::any(const std::string& path, const std::string& what)
{
    return open(path, what, Kind::Any);
}

} // namespace builder::git
