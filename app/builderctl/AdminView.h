#pragma once

#include "Table.h"
#include "feature/admin/v1/admin.pb.h"

#include <string>
#include <vector>

namespace builder::ctl {

// How the admin answers read in a terminal: kill-switch states, audit entries
// with the chain's verdict, dead letters and webhook deliveries.
class AdminView
{
public:
    static std::string killSwitches(const feature::admin::v1::GetKillSwitchResponse& response);
    static std::string killSwitch(const feature::admin::v1::KillSwitchState& state);

    static Table auditTable();
    static std::vector<std::string> auditRow(const feature::admin::v1::AuditEntry& entry);
    // "audit chain intact: N entries verified", or the break, loudly.
    static std::string chain(const feature::admin::v1::AuditChainStatus& chain);

    static Table deadLetterTable();
    static std::vector<std::string> deadLetterRow(const feature::admin::v1::DeadLetter& letter);

    static Table webhookTable();
    static std::vector<std::string> webhookRow(const feature::admin::v1::WebhookDelivery& d);
};

} // namespace builder::ctl
