#include "AdminView.h"

#include "EnumNames.h"
#include "FieldList.h"
#include "TextWidth.h"
#include "TimeText.h"

namespace builder::ctl {

namespace av1 = feature::admin::v1;

namespace {

std::string scopeOf(const av1::KillSwitchState& s)
{
    return s.scope() == av1::KILL_SWITCH_SCOPE_REPOSITORY ? "repository " + s.repository_id()
                                                          : "global";
}

std::string changedBy(const av1::KillSwitchState& s)
{
    if (s.changed_by().empty())
        return "-";
    return s.changed_by() + (s.automatic() ? " (rule)" : "");
}

} // namespace

std::string AdminView::killSwitch(const av1::KillSwitchState& s)
{
    FieldList fields;
    fields.add("scope", scopeOf(s));
    fields.add("state", s.engaged() ? "ENGAGED" : "released");
    fields.addIfSet("reason", TextWidth::sanitize(s.reason()));
    fields.add("changed by", changedBy(s));
    fields.add("changed", TimeText::format(s.changed_at()));
    return fields.toString();
}

std::string AdminView::killSwitches(const av1::GetKillSwitchResponse& response)
{
    Table table({"SCOPE", "STATE", "SINCE", "BY", "REASON"});
    table.setMaxWidth(4, 60);
    auto add = [&](const av1::KillSwitchState& s) {
        table.addRow({scopeOf(s), s.engaged() ? "ENGAGED" : "released",
                      TimeText::format(s.changed_at()), changedBy(s),
                      TextWidth::sanitize(s.reason())});
    };
    add(response.global());
    for (const auto& s : response.repositories())
        add(s);
    return table.toString();
}

Table AdminView::auditTable()
{
    Table table({"SEQ", "TIME", "ACTOR", "ROLE", "ACTION", "TARGET", "REASON"});
    table.setMaxWidth(5, 48);
    table.setMaxWidth(6, 48);
    return table;
}

std::vector<std::string> AdminView::auditRow(const av1::AuditEntry& e)
{
    const auto role = e.role() == av1::ROLE_UNSPECIFIED
                          ? std::string("-")
                          : EnumNames::shortName(av1::Role_descriptor(), e.role());
    return {std::to_string(e.sequence()),
            TimeText::format(e.created_at()),
            TextWidth::sanitize(e.actor()),
            role,
            e.action(),
            e.target_type() + (e.target_id().empty() ? "" : " " + e.target_id()),
            TextWidth::sanitize(e.reason())};
}

std::string AdminView::chain(const av1::AuditChainStatus& chain)
{
    if (chain.intact())
        return "audit chain intact: " + std::to_string(chain.verified_entries()) +
               " entries verified" +
               (chain.head_hash().empty() ? "" : ", head " + chain.head_hash().substr(0, 16));
    return "AUDIT CHAIN BROKEN at entry " + std::to_string(chain.first_broken_sequence()) + ": " +
           TextWidth::sanitize(chain.problem());
}

Table AdminView::deadLetterTable()
{
    Table table({"ID", "EXECUTION", "KIND", "ATTEMPTS", "ERROR CODE", "FAILED", "LAST ERROR"});
    table.setMaxWidth(6, 60);
    return table;
}

std::vector<std::string> AdminView::deadLetterRow(const av1::DeadLetter& d)
{
    return {d.id(),
            d.feature_execution_id().empty() ? "-" : d.feature_execution_id(),
            d.kind(),
            std::to_string(d.attempts()),
            d.error_code(),
            TimeText::format(d.failed_at()),
            TextWidth::sanitize(d.last_error())};
}

Table AdminView::webhookTable()
{
    Table table(
        {"ID", "ENDPOINT", "EVENT", "STATE", "ATTEMPTS", "STATUS", "CREATED", "LAST ERROR"});
    table.setMaxWidth(7, 48);
    return table;
}

std::vector<std::string> AdminView::webhookRow(const av1::WebhookDelivery& d)
{
    return {d.id(),
            d.endpoint() + " (" + d.url() + ")",
            d.event(),
            EnumNames::shortName(av1::WebhookDeliveryState_descriptor(), d.state()),
            std::to_string(d.attempts()),
            d.last_status_code() == 0 ? "-" : std::to_string(d.last_status_code()),
            TimeText::format(d.created_at()),
            TextWidth::sanitize(d.last_error())};
}

} // namespace builder::ctl
