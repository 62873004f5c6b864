#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <string>

namespace builder::webhook {

// The body of an outgoing webhook, in the contract's shape:
// {"event": ..., "timestamp": ..., "data": {"feature_execution_id", "repository_id",
//  "state", ...}}. The state is the one the event reports, not whatever the
// execution reached since, so a late delivery still tells what happened.
class WebhookPayload
{
public:
    static std::string body(const feature::feature::v1::FeatureEvent& event,
                            const feature::feature::v1::FeatureExecution& execution);
};

} // namespace builder::webhook
