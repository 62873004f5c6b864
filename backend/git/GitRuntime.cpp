#include "git/GitRuntime.h"

#include "git/GitError.h"

#include <git2.h>

namespace builder::git {

namespace {

// A function-local static gives a thread-safe one-time init, and its destructor
// runs after every static constructed later (caches holding handles) is gone.
class LibraryLifetime
{
public:
    LibraryLifetime()
    {
        const int rc = git_libgit2_init();
        if (rc < 0) {
            m_failure = GitError::capture(rc).message();
        }
        m_initialized = rc >= 0;
        if (m_initialized) {
            // libgit2 re-hashes every object it reads; git does not. Objects enter
            // our repositories only through libgit2's indexer (which derives each
            // id from the content) or our own writes, and the re-hash doubles the
            // cost of a checkout. Process-wide, like every git_libgit2_opts.
            git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        }
    }
    ~LibraryLifetime()
    {
        if (m_initialized) {
            git_libgit2_shutdown();
        }
    }
    LibraryLifetime(const LibraryLifetime&) = delete;
    LibraryLifetime& operator=(const LibraryLifetime&) = delete;

    common::Status status() const
    {
        if (m_initialized) {
            return {};
        }
        return common::Error::internal("cannot initialise libgit2: " + m_failure);
    }

private:
    bool m_initialized = false;
    std::string m_failure;
};

} // namespace

common::Status GitRuntime::ensureInitialized()
{
    static const LibraryLifetime kLifetime;
    return kLifetime.status();
}

} // namespace builder::git
