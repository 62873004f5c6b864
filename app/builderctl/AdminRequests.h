#pragma once

#include "ParsedArgs.h"
#include "common/Result.h"
#include "feature/admin/v1/admin.pb.h"

#include <chrono>

namespace builder::ctl {

// Turns parsed "admin" options into AdminService requests, checked with the
// same rules builderd applies, before anything is sent.
class AdminRequests
{
public:
    // --reason TEXT (required) and --repo ID (repository scope; global without it).
    static common::Result<feature::admin::v1::SetKillSwitchRequest>
    killSwitch(const ParsedArgs& args, bool engaged);
    static common::Result<feature::admin::v1::ListAuditRequest>
    audit(const ParsedArgs& args, std::chrono::system_clock::time_point now);
    static common::Result<feature::admin::v1::ListDeadLettersRequest>
    deadLetters(const ParsedArgs& args);
    static common::Result<feature::admin::v1::RequeueDeadLetterRequest>
    requeue(const ParsedArgs& args);
    static common::Result<feature::admin::v1::ListWebhookDeliveriesRequest>
    webhooks(const ParsedArgs& args);
};

} // namespace builder::ctl
