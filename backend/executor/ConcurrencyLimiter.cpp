#include "ConcurrencyLimiter.h"

#include <algorithm>

namespace builder::executor {

ConcurrencyLimiter::ConcurrencyLimiter(int limit) : m_limit(std::max(limit, 1)) {}

ConcurrencyLimiter::Slot& ConcurrencyLimiter::Slot::operator=(Slot&& other) noexcept
{
    if (this != &other) {
        if (m_owner)
            m_owner->release();
        m_owner = other.m_owner;
        other.m_owner = nullptr;
    }
    return *this;
}

ConcurrencyLimiter::Slot::~Slot()
{
    if (m_owner)
        m_owner->release();
}

common::Result<ConcurrencyLimiter::Slot>
ConcurrencyLimiter::acquire(const common::CancelToken& cancel,
                            const std::function<void(int)>& onQueued)
{
    // Wakes the waiters when the token is cancelled (taking the lock so the
    // wake-up cannot slip between a waiter's check and its wait).
    auto registration = cancel.onCancel([this] {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_changed.notify_all();
    });
    std::unique_lock<std::mutex> lock(m_mutex);
    const int ticket = m_nextTicket++;
    m_line.push_back(ticket);
    const auto mayRun = [&] { return m_running < m_limit && m_line.front() == ticket; };
    if (!mayRun() && onQueued) {
        const int position = static_cast<int>(m_line.size()) - (m_limit - m_running > 0 ? 1 : 0);
        lock.unlock();
        onQueued(std::max(position, 1));
        lock.lock();
    }
    m_changed.wait(lock, [&] { return mayRun() || cancel.cancelled(); });
    m_line.remove(ticket);
    if (cancel.cancelled()) {
        m_changed.notify_all();
        return cancel.reason().value_or(
            common::Error(common::StatusCode::Cancelled, "cancelled while waiting"));
    }
    ++m_running;
    m_changed.notify_all();
    return Slot(this);
}

int ConcurrencyLimiter::running() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_running;
}

int ConcurrencyLimiter::waiting() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return static_cast<int>(m_line.size());
}

void ConcurrencyLimiter::release()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    --m_running;
    m_changed.notify_all();
}

} // namespace builder::executor
