#pragma once

namespace builder::core {

// Dotted event names of the execution log (DESIGN.md "Events").
struct EventTypes
{
    static constexpr const char* kFeatureCreated = "feature.created";
    static constexpr const char* kFeatureStateChanged = "feature.state_changed";
    static constexpr const char* kFeatureCancelled = "feature.cancelled";
    static constexpr const char* kFeatureRetried = "feature.retried";
    static constexpr const char* kFeatureCompleted = "feature.completed";
    static constexpr const char* kFeatureFailed = "feature.failed";
};

} // namespace builder::core
