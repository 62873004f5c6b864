#pragma once

#include "ParsedArgs.h"
#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"

#include <chrono>
#include <string>

namespace builder::ctl {

// Turns parsed "feature" options into requests, before anything is sent: every
// usage error surfaces without a server.
class FeatureRequests
{
public:
    static common::Result<feature::feature::v1::CreateRequest> create(const ParsedArgs& args);
    static common::Result<feature::feature::v1::SearchRequest>
    search(const ParsedArgs& args, std::chrono::system_clock::time_point now);
    static common::Result<feature::feature::v1::CancelRequest> cancel(const ParsedArgs& args);
    static common::Result<feature::feature::v1::RetryRequest> retry(const ParsedArgs& args);
    static common::Result<feature::feature::v1::ListEventsRequest> events(const ParsedArgs& args);
    // The ID positional, or a usage error naming it.
    static common::Result<std::string> id(const ParsedArgs& args);
};

} // namespace builder::ctl
