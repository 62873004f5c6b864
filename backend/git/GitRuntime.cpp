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
