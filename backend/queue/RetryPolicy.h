#pragma once

#include <array>
#include <chrono>

namespace builder::queue {

// Three retry levels with growing delays, then the dead-letter queue.
struct RetryPolicy
{
    std::array<std::chrono::milliseconds, 3> delays{
        std::chrono::seconds(10), std::chrono::seconds(60), std::chrono::seconds(300)};
    // How long a lease lasts without renewal; workers renew at a third of it.
    std::chrono::milliseconds lease{std::chrono::seconds(30)};
};

} // namespace builder::queue
