#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "git/CancellableSemaphore.h"
#include "git/GitCredential.h"
#include "git/MirrorStatus.h"
#include "git/TransferProgress.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace builder::git {

// One bare mirror per registered repository under a root directory (in builderd's
// data dir): cloned once, fetched with prune on every ensure(). Workspaces are made
// from the mirror, so the remote is contacted once per execution, not per step.
// Thread-safe: calls for one repository run one at a time; clones of different
// repositories run in parallel up to a bound.
class MirrorCache
{
public:
    static constexpr int kDefaultMaxConcurrentClones = 10;

    explicit MirrorCache(std::string root, int maxConcurrentClones = kDefaultMaxConcurrentClones);
    MirrorCache(const MirrorCache&) = delete;
    MirrorCache& operator=(const MirrorCache&) = delete;

    // Clones the mirror when there is none, else fetches it. Blocking network I/O.
    //   - remote unreachable, mirror present: ok, fetched=false, warning set
    //   - remote unreachable, no mirror: Unavailable
    //   - authentication failed or access refused: PermissionDenied (also with a
    //     mirror: it would not heal by waiting, and delivery would fail later)
    //   - the token fired: its reason (Cancelled or DeadlineExceeded); a cancelled
    //     clone leaves nothing behind, a cancelled fetch leaves the old mirror
    //   - repositoryId not a safe directory name, bad URL: InvalidArgument
    // Cancellation is seen at the next libgit2 progress callback; a connect or
    // read that hangs is not interrupted (libgit2 1.5 has no timeouts).
    // Messages never contain a secret.
    common::Result<MirrorStatus> ensure(const std::string& repositoryId, const std::string& url,
                                        const GitCredential& credential,
                                        const common::CancelToken& cancel,
                                        const TransferProgressCallback& progress = {});

    // Where the mirror of repositoryId lives (whether or not it exists yet).
    std::string mirrorPath(const std::string& repositoryId) const;
    const std::string& root() const { return m_root; }

    // repositoryId is safe as a directory name: 1-128 of [A-Za-z0-9._-], not
    // starting with '.'.
    static bool isValidRepositoryId(const std::string& repositoryId);

private:
    std::shared_ptr<CancellableSemaphore> lockFor(const std::string& repositoryId);
    common::Result<MirrorStatus> clone(const std::string& repositoryId, const std::string& url,
                                       const GitCredential& credential,
                                       const common::CancelToken& cancel,
                                       const TransferProgressCallback& progress);
    common::Result<MirrorStatus> update(const std::string& repositoryId, const std::string& url,
                                        const GitCredential& credential,
                                        const common::CancelToken& cancel,
                                        const TransferProgressCallback& progress);

    std::string m_root;
    CancellableSemaphore m_clones;
    std::mutex m_locksMutex;
    std::map<std::string, std::shared_ptr<CancellableSemaphore>> m_locks;
};

} // namespace builder::git
