#include "Interrupt.h"

#include "ExitCode.h"

#include <csignal>
#include <cstdlib>
#include <pthread.h>
#include <thread>

namespace builder::ctl {

Interrupt& Interrupt::instance()
{
    // Never destroyed: the watcher thread may still be waiting during exit.
    static Interrupt* interrupt = new Interrupt;
    return *interrupt;
}

void Interrupt::install()
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals] {
        for (;;) {
            int signal = 0;
            if (sigwait(&signals, &signal) != 0)
                continue;
            if (instance().triggered())
                std::_Exit(toInt(ExitCode::Interrupted));
            instance().trigger();
        }
    }).detach();
}

void Interrupt::trigger()
{
    {
        // Cancel under the lock: a Guard being destroyed waits, so no cancel runs
        // on a call that is already gone.
        std::lock_guard lock(m_mutex);
        m_triggered = true;
        // Nothing to cancel and nobody waiting (e.g. blocked reading stdin): no
        // code path would notice, so leave now.
        if (m_cancels.empty() && m_waiters == 0)
            std::_Exit(toInt(ExitCode::Interrupted));
        for (const auto& [id, cancel] : m_cancels)
            cancel();
    }
    m_wakeUp.notify_all();
}

bool Interrupt::waitFor(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    ++m_waiters;
    const bool interrupted =
        m_wakeUp.wait_for(lock, duration, [this] { return m_triggered.load(); });
    --m_waiters;
    return !interrupted;
}

std::uint64_t Interrupt::add(std::function<void()> cancel)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_triggered) {
            const auto id = m_nextId++;
            m_cancels.emplace(id, std::move(cancel));
            return id;
        }
    }
    cancel();
    return 0;
}

void Interrupt::remove(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    m_cancels.erase(id);
}

Interrupt::Guard::Guard(std::function<void()> cancel) : m_id(instance().add(std::move(cancel))) {}

Interrupt::Guard::~Guard()
{
    instance().remove(m_id);
}

} // namespace builder::ctl
