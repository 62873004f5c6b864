#pragma once

#include "EventStream.h"

#include <cstdint>
#include <memory>

namespace builder::ctl {

// Opens ListEvents streams for one execution; EventFollower reopens through
// it after a drop. Tests substitute a scripted source.
class EventSource
{
public:
    virtual ~EventSource() = default;
    virtual std::unique_ptr<EventStream> open(std::uint64_t afterSequence) = 0;
};

} // namespace builder::ctl
