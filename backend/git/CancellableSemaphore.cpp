#include "git/CancellableSemaphore.h"

#include <algorithm>
#include <utility>

namespace builder::git {

CancellableSemaphore::Permit::Permit(Permit&& other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr))
{}

CancellableSemaphore::Permit& CancellableSemaphore::Permit::operator=(Permit&& other) noexcept
{
    if (this != &other) {
        if (m_owner != nullptr) {
            m_owner->release();
        }
        m_owner = std::exchange(other.m_owner, nullptr);
    }
    return *this;
}

CancellableSemaphore::Permit::~Permit()
{
    if (m_owner != nullptr) {
        m_owner->release();
    }
}

CancellableSemaphore::CancellableSemaphore(int permits) : m_available(std::max(permits, 1)) {}

common::Result<CancellableSemaphore::Permit>
CancellableSemaphore::acquire(const common::CancelToken& cancel)
{
    // The callback takes the mutex before notifying, so a waiter cannot miss it
    // between its check of the token and going to sleep.
    const auto registration = cancel.onCancel([this] {
        std::lock_guard lock(m_mutex);
        m_changed.notify_all();
    });
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_available > 0 || cancel.cancelled(); });
    if (cancel.cancelled()) {
        return cancel.reason().value_or(common::Error(common::StatusCode::Cancelled, "cancelled"));
    }
    --m_available;
    return Permit(this);
}

int CancellableSemaphore::available() const
{
    std::lock_guard lock(m_mutex);
    return m_available;
}

void CancellableSemaphore::release()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_available;
    }
    // All: a waiter woken for a permit may leave cancelled instead of taking it.
    m_changed.notify_all();
}

} // namespace builder::git
