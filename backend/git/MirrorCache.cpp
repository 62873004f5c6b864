#include "git/MirrorCache.h"

#include "git/DirectoryRemover.h"
#include "git/MirrorFetcher.h"
#include "git/RemoteUrl.h"
#include "git/ScratchDirectory.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace builder::git {

namespace fs = std::filesystem;

using common::Error;
using common::Result;
using common::StatusCode;

namespace {

constexpr std::size_t kMaxRepositoryIdLength = 128;
constexpr const char* kMirrorSuffix = ".git";
// Written after every successful fetch, so a warning can say how old the mirror is.
constexpr const char* kFetchedMarker = "builder-fetched";

void markFetched(const std::string& mirror)
{
    std::ofstream(fs::path(mirror) / kFetchedMarker, std::ios::trunc) << "";
}

std::string lastFetched(const std::string& mirror)
{
    std::error_code ec;
    const auto stamp = fs::last_write_time(fs::path(mirror) / kFetchedMarker, ec);
    if (ec) {
        return "at an unknown time";
    }
    const auto system = std::chrono::file_clock::to_sys(stamp);
    const std::time_t seconds = std::chrono::system_clock::to_time_t(system);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string("at ") + text;
}

} // namespace

MirrorCache::MirrorCache(std::string root, int maxConcurrentClones)
    : m_root(std::move(root)), m_clones(maxConcurrentClones)
{}

bool MirrorCache::isValidRepositoryId(const std::string& repositoryId)
{
    if (repositoryId.empty() || repositoryId.size() > kMaxRepositoryIdLength ||
        repositoryId.front() == '.') {
        return false;
    }
    return std::all_of(repositoryId.begin(), repositoryId.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-';
    });
}

std::string MirrorCache::mirrorPath(const std::string& repositoryId) const
{
    return (fs::path(m_root) / (repositoryId + kMirrorSuffix)).string();
}

std::shared_ptr<CancellableSemaphore> MirrorCache::lockFor(const std::string& repositoryId)
{
    std::lock_guard lock(m_locksMutex);
    auto& entry = m_locks[repositoryId];
    if (!entry) {
        entry = std::make_shared<CancellableSemaphore>(1);
    }
    return entry;
}

Result<MirrorStatus> MirrorCache::ensure(const std::string& repositoryId, const std::string& url,
                                         const GitCredential& credential,
                                         const common::CancelToken& cancel,
                                         const TransferProgressCallback& progress)
{
    if (!isValidRepositoryId(repositoryId)) {
        return Error::invalid("repository_id", "string.pattern",
                              "repository_id must be 1-128 characters of letters, digits, '.', "
                              "'_' or '-' and must not start with '.'");
    }
    if (url.empty()) {
        return Error::invalid("url", "string.min_len", "the remote URL must not be empty");
    }
    const auto repositoryLock = lockFor(repositoryId);
    auto held = repositoryLock->acquire(cancel);
    if (!held) {
        return held.error();
    }
    const std::string path = mirrorPath(repositoryId);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec)) && !MirrorFetcher::isMirror(path)) {
        // Not something ensure() made (published mirrors are whole): start over.
        if (auto removed = DirectoryRemover::remove(path); !removed) {
            return removed.error();
        }
    }
    if (!MirrorFetcher::isMirror(path)) {
        return clone(repositoryId, url, credential, cancel, progress);
    }
    return update(repositoryId, url, credential, cancel, progress);
}

Result<MirrorStatus> MirrorCache::clone(const std::string& repositoryId, const std::string& url,
                                        const GitCredential& credential,
                                        const common::CancelToken& cancel,
                                        const TransferProgressCallback& progress)
{
    auto permit = m_clones.acquire(cancel);
    if (!permit) {
        return permit.error();
    }
    const std::string path = mirrorPath(repositoryId);
    auto scratch = ScratchDirectory::nextTo(path);
    if (!scratch) {
        return scratch.error();
    }
    auto fetched = MirrorFetcher::fetch(scratch->path(), true, url, credential, cancel, progress);
    if (!fetched) {
        const Error& error = fetched.error();
        if (error.code() == StatusCode::NotFound) {
            return Error(StatusCode::Unavailable, error.message());
        }
        return error;
    }
    markFetched(scratch->path());
    if (auto published = scratch->publish(path); !published) {
        return published.error();
    }
    MirrorStatus status;
    status.path = path;
    status.cloned = true;
    status.fetched = true;
    status.defaultBranch = std::move(fetched).value();
    return status;
}

Result<MirrorStatus> MirrorCache::update(const std::string& repositoryId, const std::string& url,
                                         const GitCredential& credential,
                                         const common::CancelToken& cancel,
                                         const TransferProgressCallback& progress)
{
    MirrorStatus status;
    status.path = mirrorPath(repositoryId);
    auto fetched = MirrorFetcher::fetch(status.path, false, url, credential, cancel, progress);
    if (fetched) {
        markFetched(status.path);
        status.fetched = true;
        status.defaultBranch = std::move(fetched).value();
        return status;
    }
    const Error& error = fetched.error();
    if (error.code() != StatusCode::Unavailable && error.code() != StatusCode::NotFound) {
        return error;
    }
    // The message is already scrubbed; it names the URL with user info masked.
    status.warning = "could not update the mirror of repository " + repositoryId + " (" +
                     error.message() + "); using the mirror as last fetched " +
                     lastFetched(status.path);
    return status;
}

} // namespace builder::git
