#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace builder::bench {

// Runs a closed-loop load: N threads, each calling its own worker back to back,
// first for a warm-up period (not counted), then for the measured duration.
class LoadRunner
{
public:
    // One call; false (with a reason) when the call failed.
    using Call = std::function<bool(std::string* error)>;
    // Builds a thread's worker on that thread (its channel, stub, random state).
    using WorkerFactory = std::function<Call(int threadIndex)>;

    struct Result
    {
        std::uint64_t calls = 0;  // completed successfully in the measured window
        std::uint64_t errors = 0; // failed, warm-up included
        double seconds = 0;       // measured window, until the last call finished
        std::string firstError;
        double perSecond() const { return seconds > 0 ? static_cast<double>(calls) / seconds : 0; }
    };

    // `marker(true)` is called when the measured window opens and
    // `marker(false)` when it closes (e.g. to sample CPU time); may be empty.
    static Result run(int threads, std::chrono::milliseconds warmup,
                      std::chrono::milliseconds duration, const WorkerFactory& factory,
                      const std::function<void(bool opening)>& marker = {});
};

} // namespace builder::bench
