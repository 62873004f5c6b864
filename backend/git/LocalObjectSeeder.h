#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "git/TransferProgress.h"

#include <string>

namespace builder::git {

// Gives a new, empty mirror the object files of a repository on the local disk
// (hard links, or copies where the file system refuses links), as `git clone
// --local` does, so that the fetch that follows finds every wanted object present
// and transfers nothing. libgit2's local transport would instead build, compress
// and index a pack of the whole history in-process: ~10x git's time for a cold
// clone. Only the object store is shared; refs, config and pruning stay with the
// fetch, so the mirror records no URL and keeps exactly the remote's refs.
class LocalObjectSeeder
{
public:
    // True when the mirror now holds every object of the source. False when the
    // source does not qualify (it borrows objects through alternates, is shallow or
    // a partial clone, or is no repository) or a file changed under the copy (a
    // concurrent repack): the mirror's object store is emptied again and the caller
    // fetches as usual. Loose objects are taken before packs, so an object that a
    // repack moves meanwhile is either taken loose or found in its new pack; a pack
    // deleted meanwhile ends the seeding. Reports progress per file and honours the
    // token between files: the error is then the token's reason, and the caller
    // discards the half-seeded mirror.
    static common::Result<bool> seed(const std::string& sourcePath, const std::string& mirrorGitDir,
                                     const common::CancelToken& cancel,
                                     const TransferProgressCallback& progress);
};

} // namespace builder::git
