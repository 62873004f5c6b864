#include "git/TrackedFiles.h"

#include "git/GitError.h"
#include "git/GitHandle.h"
#include "git/GitRuntime.h"

#include <git2.h>
#include <sys/stat.h>

#include <filesystem>

namespace builder::git {

using common::Error;
using common::Result;
using common::StatusCode;

namespace {

// Spelled out rather than aliased: the alias may also live in GitHandle.h.
using Index = GitHandle<git_index, git_index_free>;

// Opens exactly `path` as a work tree: a folder inside a repository is not that
// repository, so callers decide what a sub-folder means.
Result<RepositoryHandle> openWorkTree(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec))
        return Error::notFound("repository path " + path + " does not exist");
    if (const auto st = GitRuntime::ensureInitialized(); !st.ok())
        return st.error();
    RepositoryHandle repo;
    const int rc =
        git_repository_open_ext(repo.out(), path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (rc == GIT_ENOTFOUND)
        return Error::failedPrecondition(path + " is not a git work tree");
    if (rc < 0)
        return GitError::capture(rc).toError(StatusCode::FailedPrecondition,
                                             "cannot open repository " + path);
    if (git_repository_is_bare(repo.get()))
        return Error::failedPrecondition(path + " is a bare repository, not a work tree");
    return repo;
}

} // namespace

bool TrackedFiles::isWorkTree(const std::string& path)
{
    return openWorkTree(path).ok();
}

Result<TrackedFileList> TrackedFiles::list(const std::string& workdir)
{
    auto repo = openWorkTree(workdir);
    if (!repo.ok())
        return repo.error();
    Index index;
    if (const int rc = git_repository_index(index.out(), repo->get()); rc < 0)
        return GitError::capture(rc).toError(StatusCode::Internal,
                                             "cannot read the index of " + workdir);

    TrackedFileList result;
    result.workdir = git_repository_workdir(repo->get());
    if (const char* indexPath = git_index_path(index.get())) {
        struct stat st
        {};
        if (::stat(indexPath, &st) == 0) {
            result.indexMtimeSeconds = st.st_mtim.tv_sec;
            result.indexMtimeNanoseconds = static_cast<std::uint32_t>(st.st_mtim.tv_nsec);
        }
    }
    const std::size_t count = git_index_entrycount(index.get());
    result.files.reserve(count);
    char hex[GIT_OID_HEXSZ + 1];
    for (std::size_t i = 0; i < count; ++i) {
        const git_index_entry* entry = git_index_get_byindex(index.get(), i);
        if (entry == nullptr)
            continue;
        // A conflicted path has stages 1-3 and no stage 0; keep its first stage once.
        if (!result.files.empty() && result.files.back().path == entry->path)
            continue;
        TrackedFile file;
        file.path = entry->path;
        git_oid_tostr(hex, sizeof hex, &entry->id);
        file.blobId = hex;
        file.mode = entry->mode;
        file.size = entry->file_size;
        file.mtimeSeconds = entry->mtime.seconds;
        file.mtimeNanoseconds = entry->mtime.nanoseconds;
        result.files.push_back(std::move(file));
    }
    return result;
}

} // namespace builder::git
