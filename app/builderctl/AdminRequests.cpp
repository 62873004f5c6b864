#include "AdminRequests.h"

#include "EnumNames.h"
#include "PageArgs.h"
#include "TimeText.h"
#include "UsageError.h"
#include "common/AdminValidation.h"

namespace builder::ctl {

namespace av1 = feature::admin::v1;

namespace {

// The field paths of violations become the options that set them.
common::Error asUsage(const std::vector<common::Violation>& violations)
{
    std::string message;
    for (const auto& v : violations) {
        std::string option = v.fieldPath;
        if (option == "repository_id")
            option = "--repo";
        else if (option == "reason")
            option = "--reason";
        else if (option.rfind("pagination.", 0) == 0)
            option = "--" + option.substr(11);
        else if (option == "id")
            option = "ID";
        message += (message.empty() ? "" : "; ") + option + ": " + v.message;
    }
    return usageError(message);
}

template <typename Request> common::Result<Request> checked(Request request)
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return asUsage(violations);
    return request;
}

} // namespace

common::Result<av1::SetKillSwitchRequest> AdminRequests::killSwitch(const ParsedArgs& args,
                                                                    bool engaged)
{
    av1::SetKillSwitchRequest request;
    const auto repo = args.value("repo");
    request.set_scope(repo ? av1::KILL_SWITCH_SCOPE_REPOSITORY : av1::KILL_SWITCH_SCOPE_GLOBAL);
    request.set_repository_id(repo.value_or(""));
    request.set_engaged(engaged);
    request.set_reason(args.value("reason").value_or(""));
    return checked(std::move(request));
}

common::Result<av1::ListAuditRequest>
AdminRequests::audit(const ParsedArgs& args, std::chrono::system_clock::time_point now)
{
    av1::ListAuditRequest request;
    request.set_actor(args.value("actor").value_or(""));
    request.set_action(args.value("action").value_or(""));
    if (auto since = args.value("since")) {
        auto instant = TimeText::parseInstant("since", *since, now);
        if (!instant.ok())
            return instant.error();
        *request.mutable_since() = *instant;
    }
    if (auto paged = PageArgs::apply(args, *request.mutable_pagination()); !paged.ok())
        return paged.error();
    return checked(std::move(request));
}

common::Result<av1::ListDeadLettersRequest> AdminRequests::deadLetters(const ParsedArgs& args)
{
    av1::ListDeadLettersRequest request;
    if (auto paged = PageArgs::apply(args, *request.mutable_pagination()); !paged.ok())
        return paged.error();
    return checked(std::move(request));
}

common::Result<av1::RequeueDeadLetterRequest> AdminRequests::requeue(const ParsedArgs& args)
{
    if (args.positionals().size() != 1)
        return usageError("give the dead letter's ID ('admin dead-letters list' shows them)");
    av1::RequeueDeadLetterRequest request;
    request.set_id(args.positionals().front());
    return checked(std::move(request));
}

common::Result<av1::ListWebhookDeliveriesRequest> AdminRequests::webhooks(const ParsedArgs& args)
{
    av1::ListWebhookDeliveriesRequest request;
    if (auto state = args.value("state")) {
        const auto parsed = EnumNames::parse(av1::WebhookDeliveryState_descriptor(), *state);
        if (!parsed || *parsed == 0)
            return usageError("--state: must be pending, delivered or failed (got \"" + *state +
                              "\")");
        request.set_state(static_cast<av1::WebhookDeliveryState>(*parsed));
    }
    if (auto paged = PageArgs::apply(args, *request.mutable_pagination()); !paged.ok())
        return paged.error();
    return checked(std::move(request));
}

} // namespace builder::ctl
