#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"

#include <condition_variable>
#include <mutex>

namespace builder::git {

// A counting semaphore whose wait ends early when a CancelToken fires, so a caller
// queued behind a long clone can still be cancelled. One permit makes it a lock.
class CancellableSemaphore
{
public:
    // Holds one permit and gives it back on destruction.
    class Permit
    {
    public:
        Permit() = default;
        explicit Permit(CancellableSemaphore* owner) : m_owner(owner) {}
        Permit(Permit&& other) noexcept;
        Permit& operator=(Permit&& other) noexcept;
        Permit(const Permit&) = delete;
        Permit& operator=(const Permit&) = delete;
        ~Permit();

    private:
        CancellableSemaphore* m_owner = nullptr;
    };

    // permits below 1 count as 1.
    explicit CancellableSemaphore(int permits);
    CancellableSemaphore(const CancellableSemaphore&) = delete;
    CancellableSemaphore& operator=(const CancellableSemaphore&) = delete;

    // Blocks until a permit is free; fails with the token's reason once it fires.
    common::Result<Permit> acquire(const common::CancelToken& cancel);

    int available() const;

private:
    void release();

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_available;
};

} // namespace builder::git
