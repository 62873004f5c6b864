#include "CancelToken.h"

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace builder::common {

struct CancelToken::State
{
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::optional<Error> reason;
    std::uint64_t nextId = 1;
    std::map<std::uint64_t, std::function<void()>> callbacks;
    // The callback being run by cancel(), so that unregistering it from another
    // thread waits until it returned (its captures may be going away).
    std::uint64_t runningId = 0;
    std::thread::id runner;
    // A child's link to its parent; dropping the child unregisters it there.
    Registration parentLink;
};

CancelToken::CancelToken() : m_state(std::make_shared<State>()) {}

void CancelToken::cancel(Error reason)
{
    std::unique_lock<std::mutex> lock(m_state->mutex);
    if (m_state->reason)
        return;
    m_state->reason = std::move(reason);
    m_state->changed.notify_all();
    while (!m_state->callbacks.empty()) {
        auto first = m_state->callbacks.begin();
        auto callback = std::move(first->second);
        m_state->runningId = first->first;
        m_state->runner = std::this_thread::get_id();
        m_state->callbacks.erase(first);
        lock.unlock();
        callback();
        lock.lock();
        m_state->runningId = 0;
        m_state->changed.notify_all();
    }
}

bool CancelToken::cancelled() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->reason.has_value();
}

std::optional<Error> CancelToken::reason() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->reason;
}

bool CancelToken::waitFor(std::chrono::milliseconds timeout) const
{
    std::unique_lock<std::mutex> lock(m_state->mutex);
    return m_state->changed.wait_for(lock, timeout, [this] { return m_state->reason.has_value(); });
}

CancelToken CancelToken::child() const
{
    CancelToken child;
    std::weak_ptr<State> weakChild = child.m_state;
    auto link = onCancel([weakChild, parent = std::weak_ptr<State>(m_state)] {
        auto state = weakChild.lock();
        auto parentState = parent.lock();
        if (!state || !parentState)
            return;
        // The parent's reason is set before its callbacks run and never changes.
        CancelToken(state).cancel(
            parentState->reason.value_or(Error(StatusCode::Cancelled, "cancelled")));
    });
    std::lock_guard<std::mutex> lock(child.m_state->mutex);
    child.m_state->parentLink = std::move(link);
    return child;
}

CancelToken::Registration CancelToken::onCancel(std::function<void()> callback) const
{
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        if (!m_state->reason) {
            auto id = m_state->nextId++;
            m_state->callbacks.emplace(id, std::move(callback));
            return Registration(m_state, id);
        }
    }
    callback();
    return {};
}

CancelToken::Registration::Registration(Registration&& other) noexcept
    : m_state(std::move(other.m_state)), m_id(other.m_id)
{
    other.m_id = 0;
}

CancelToken::Registration& CancelToken::Registration::operator=(Registration&& other) noexcept
{
    if (this != &other) {
        release();
        m_state = std::move(other.m_state);
        m_id = other.m_id;
        other.m_id = 0;
    }
    return *this;
}

CancelToken::Registration::~Registration() { release(); }

void CancelToken::Registration::release()
{
    if (m_id == 0)
        return;
    if (auto state = m_state.lock()) {
        std::unique_lock<std::mutex> lock(state->mutex);
        state->callbacks.erase(m_id);
        auto id = m_id;
        if (state->runner != std::this_thread::get_id())
            state->changed.wait(lock, [&] { return state->runningId != id; });
    }
    m_id = 0;
}

} // namespace builder::common
