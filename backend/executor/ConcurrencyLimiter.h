#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"

#include <condition_variable>
#include <functional>
#include <list>
#include <mutex>

namespace builder::executor {

// At most N sandboxes at once (MAX_CONCURRENT_EXECUTIONS); the rest wait in
// line, first come first served, and leave the line when cancelled.
class ConcurrencyLimiter
{
public:
    explicit ConcurrencyLimiter(int limit);

    // Held while running; releases the place on destruction.
    class Slot
    {
    public:
        Slot() = default;
        explicit Slot(ConcurrencyLimiter* owner) : m_owner(owner) {}
        Slot(Slot&& other) noexcept : m_owner(other.m_owner) { other.m_owner = nullptr; }
        Slot& operator=(Slot&& other) noexcept;
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        ~Slot();

    private:
        ConcurrencyLimiter* m_owner = nullptr;
    };

    // Blocks until a place is free. `onQueued(position)` is called once, before
    // waiting, when the caller has to wait (position 1 = next in line).
    common::Result<Slot> acquire(const common::CancelToken& cancel,
                                 const std::function<void(int)>& onQueued = {});

    int limit() const { return m_limit; }
    int running() const;
    int waiting() const;

private:
    void release();

    const int m_limit;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_running = 0;
    std::list<int> m_line; // tickets, in arrival order
    int m_nextTicket = 0;
};

} // namespace builder::executor
