#include "LoadRunner.h"

#include <algorithm>
#include <atomic>
#include <latch>
#include <mutex>
#include <thread>
#include <vector>

namespace builder::bench {

LoadRunner::Result LoadRunner::run(int threads, std::chrono::milliseconds warmup,
                                   std::chrono::milliseconds duration, const WorkerFactory& factory,
                                   const std::function<void(bool opening)>& marker)
{
    using Clock = std::chrono::steady_clock;
    std::latch ready(threads + 1);
    std::latch go(1);
    Clock::time_point measureFrom;
    Clock::time_point measureUntil;
    std::atomic<std::uint64_t> calls{0};
    std::atomic<std::uint64_t> errors{0};
    std::mutex mutex;
    std::string firstError;
    Clock::time_point lastFinish = Clock::time_point::min();

    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            Call call = factory(t);
            ready.count_down();
            go.wait();
            std::uint64_t mine = 0;
            std::string error;
            Clock::time_point finished = Clock::now();
            for (;;) {
                const auto startedAt = Clock::now();
                if (startedAt >= measureUntil)
                    break;
                error.clear();
                const bool ok = call(&error);
                finished = Clock::now();
                if (!ok) {
                    errors.fetch_add(1);
                    std::lock_guard lock(mutex);
                    if (firstError.empty())
                        firstError = error.empty() ? "unknown error" : error;
                } else if (startedAt >= measureFrom) {
                    ++mine;
                }
            }
            calls.fetch_add(mine);
            std::lock_guard lock(mutex);
            lastFinish = std::max(lastFinish, finished);
        });
    }
    ready.arrive_and_wait();
    measureFrom = Clock::now() + warmup;
    measureUntil = measureFrom + duration;
    go.count_down();
    if (marker) {
        std::this_thread::sleep_until(measureFrom);
        marker(true);
        std::this_thread::sleep_until(measureUntil);
        marker(false);
    }
    for (auto& thread : pool)
        thread.join();

    Result result;
    result.calls = calls.load();
    result.errors = errors.load();
    result.firstError = firstError;
    result.seconds =
        std::chrono::duration<double>(std::max(lastFinish, measureUntil) - measureFrom).count();
    return result;
}

} // namespace builder::bench
