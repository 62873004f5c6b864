#pragma once

#include <cstdint>
#include <functional>

namespace builder::git {

// How far a fetch or clone has come, as libgit2 reports it while objects arrive.
struct TransferProgress
{
    std::uint64_t totalObjects = 0;
    std::uint64_t receivedObjects = 0;
    std::uint64_t indexedObjects = 0;
    std::uint64_t receivedBytes = 0;
};

// Called on the thread doing the transfer, often (once per object); keep it cheap.
using TransferProgressCallback = std::function<void(const TransferProgress&)>;

} // namespace builder::git
