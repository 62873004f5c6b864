#include "git/DiffRenderer.h"

#include "git/DiffBuilder.h"
#include "git/GitBuffer.h"
#include "git/GitError.h"
#include "git/GitHandle.h"

namespace builder::git {

using common::Result;
using common::StatusCode;

namespace {

FileDiffStat::Change changeOf(git_delta_t status)
{
    switch (status) {
    case GIT_DELTA_ADDED:
        return FileDiffStat::Change::Added;
    case GIT_DELTA_DELETED:
        return FileDiffStat::Change::Deleted;
    case GIT_DELTA_RENAMED:
        return FileDiffStat::Change::Renamed;
    case GIT_DELTA_COPIED:
        return FileDiffStat::Change::Copied;
    case GIT_DELTA_TYPECHANGE:
        return FileDiffStat::Change::TypeChanged;
    default:
        return FileDiffStat::Change::Modified;
    }
}

} // namespace

Result<std::string> DiffRenderer::text(git_diff* diff)
{
    GitBuffer buffer;
    if (const int rc = git_diff_to_buf(buffer.get(), diff, GIT_DIFF_FORMAT_PATCH); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot format the diff");
    }
    return buffer.str();
}

Result<std::string> DiffRenderer::unified(git_repository* repo, const std::string& fromSha,
                                          const std::string& toSha)
{
    auto diff = DiffBuilder::between(repo, fromSha, toSha);
    if (!diff) {
        return diff.error();
    }
    return text(diff->get());
}

Result<DiffStat> DiffRenderer::stat(git_repository* repo, const std::string& fromSha,
                                    const std::string& toSha)
{
    auto diff = DiffBuilder::between(repo, fromSha, toSha);
    if (!diff) {
        return diff.error();
    }
    DiffStat result;
    const std::size_t count = git_diff_num_deltas(diff->get());
    for (std::size_t i = 0; i < count; ++i) {
        PatchHandle patch;
        if (const int rc = git_patch_from_diff(patch.out(), diff->get(), i); rc < 0) {
            return GitError::capture(rc).toError(StatusCode::Internal, "cannot read the diff");
        }
        const git_diff_delta* delta = git_diff_get_delta(diff->get(), i);
        FileDiffStat file;
        file.change = changeOf(delta->status);
        file.path =
            delta->status == GIT_DELTA_DELETED ? delta->old_file.path : delta->new_file.path;
        file.oldPath = delta->old_file.path != nullptr ? delta->old_file.path : file.path;
        file.binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
        std::size_t context = 0;
        std::size_t additions = 0;
        std::size_t deletions = 0;
        // A patch without one exists only for binary or unchanged content.
        if (patch && git_patch_line_stats(&context, &additions, &deletions, patch.get()) == 0) {
            file.additions = static_cast<int>(additions);
            file.deletions = static_cast<int>(deletions);
        }
        result.additions += file.additions;
        result.deletions += file.deletions;
        result.perFile.push_back(std::move(file));
    }
    result.files = static_cast<int>(result.perFile.size());
    return result;
}

} // namespace builder::git
