#pragma once

#include "Error.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace builder::common {

// A shared, thread-safe cancellation signal: the orchestrator cancels, long
// operations (LLM calls, subprocesses, fetches) poll it or register a callback.
// Copies share one state. A child is cancelled with its parent, never the reverse.
class CancelToken
{
public:
    CancelToken();

    // The first call wins; later calls change nothing. The reason is an Error so
    // that a timeout (DeadlineExceeded) and a user's cancel (Cancelled) differ.
    void cancel(Error reason = Error(StatusCode::Cancelled, "cancelled"));
    bool cancelled() const;
    // The reason, once cancelled.
    std::optional<Error> reason() const;
    // Blocks up to `timeout`; true when cancelled by then.
    bool waitFor(std::chrono::milliseconds timeout) const;
    // A token that is cancelled when this one is, and can be cancelled alone.
    CancelToken child() const;

    class Registration;
    // Runs `callback` once when the token is cancelled (at once, on this thread,
    // when it already is). Callbacks run on the cancelling thread, without locks
    // held, and must not block. Dropping the Registration unregisters it.
    [[nodiscard]] Registration onCancel(std::function<void()> callback) const;

    struct State;

private:
    explicit CancelToken(std::shared_ptr<State> state) : m_state(std::move(state)) {}
    std::shared_ptr<State> m_state;
};

class CancelToken::Registration
{
public:
    Registration() = default;
    Registration(std::weak_ptr<State> state, std::uint64_t id) : m_state(std::move(state)), m_id(id)
    {}
    Registration(Registration&& other) noexcept;
    Registration& operator=(Registration&& other) noexcept;
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;
    ~Registration();

private:
    void release();
    std::weak_ptr<State> m_state;
    std::uint64_t m_id = 0;
};

} // namespace builder::common
