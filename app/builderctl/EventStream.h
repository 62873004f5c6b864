#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <grpcpp/support/status.h>

#include <chrono>
#include <optional>

namespace builder::ctl {

// One open ListEvents stream, read with an optional inactivity limit.
class EventStream
{
public:
    enum class ReadResult
    {
        Event,
        IdleTimeout,
        Ended
    };

    virtual ~EventStream() = default;
    // Waits for the next event, at most `idle` when given.
    virtual ReadResult read(feature::feature::v1::FeatureEvent& event,
                            std::optional<std::chrono::milliseconds> idle) = 0;
    // The stream's final status, valid once read() returned Ended.
    virtual grpc::Status status() const = 0;
};

} // namespace builder::ctl
