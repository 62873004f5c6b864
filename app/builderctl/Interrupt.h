#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace builder::ctl {

// Ctrl-C and SIGTERM handling. A watcher thread receives the signal (it is
// blocked everywhere else) and cancels whatever call is in flight, so the main
// thread unwinds normally, flushes its output and exits with 130. With nothing
// to cancel, or on a second signal, it exits at once.
class Interrupt
{
public:
    static Interrupt& instance();

    // Call before any other thread exists (gRPC starts some): the signal mask is
    // inherited, and only the watcher may take the signal.
    void install();

    bool triggered() const { return m_triggered.load(); }
    // What the watcher does on a signal; exits the process when nothing could react.
    void trigger();
    // Sleeps up to `duration`; false when interrupted (at once or meanwhile).
    bool waitFor(std::chrono::milliseconds duration);

    // Runs `cancel` on interrupt while alive; at once if already interrupted.
    class Guard
    {
    public:
        explicit Guard(std::function<void()> cancel);
        ~Guard();
        Guard(const Guard&) = delete;
        Guard& operator=(const Guard&) = delete;

    private:
        std::uint64_t m_id;
    };

private:
    Interrupt() = default;
    std::uint64_t add(std::function<void()> cancel);
    void remove(std::uint64_t id);

    std::atomic<bool> m_triggered{false};
    std::mutex m_mutex;
    std::condition_variable m_wakeUp;
    std::map<std::uint64_t, std::function<void()>> m_cancels;
    std::uint64_t m_nextId = 1;
    int m_waiters = 0;
};

} // namespace builder::ctl
