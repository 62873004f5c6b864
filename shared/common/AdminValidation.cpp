#include "AdminValidation.h"

#include "CommonValidation.h"
#include "ConstraintId.h"
#include "FieldRules.h"

#include <string>

namespace builder::common {

namespace av1 = feature::admin::v1;

std::vector<Violation> AdminValidation::validate(const av1::CreateTokenRequest& request)
{
    std::vector<Violation> out;
    FieldRules::append(out, FieldRules::length("user", request.user(), 1, kUserMaxLength));
    FieldRules::append(out, FieldRules::notBlank("user", request.user()));
    FieldRules::append(out, FieldRules::specifiedEnum("role", request.role(), av1::Role_IsValid,
                                                      "ROLE_UNSPECIFIED"));
    FieldRules::append(
        out, FieldRules::maxLength("description", request.description(), kDescriptionMaxLength));
    if (request.has_ttl()) {
        const auto seconds = request.ttl().seconds();
        if (seconds <= 0 || request.ttl().nanos() < 0)
            out.push_back({"ttl", std::string(ConstraintId::kDurationGt),
                           "value must be a positive duration"});
        else if (seconds > kMaxTokenTtlSeconds)
            out.push_back(
                {"ttl", std::string(ConstraintId::kDurationLte), "value must be at most 365 days"});
    }
    return out;
}

std::vector<Violation> AdminValidation::validate(const av1::RevokeTokenRequest& request)
{
    return FieldRules::uuid("id", request.id());
}

std::vector<Violation> AdminValidation::validate(const av1::ListDeadLettersRequest& request)
{
    return CommonValidation::validatePagination(request.pagination());
}

std::vector<Violation> AdminValidation::validate(const av1::RequeueDeadLetterRequest& request)
{
    return FieldRules::uuid("id", request.id());
}

std::vector<Violation> AdminValidation::validate(const av1::SetKillSwitchRequest& request)
{
    std::vector<Violation> out;
    FieldRules::append(out, FieldRules::specifiedEnum("scope", request.scope(),
                                                      av1::KillSwitchScope_IsValid,
                                                      "KILL_SWITCH_SCOPE_UNSPECIFIED"));
    if (request.scope() == av1::KILL_SWITCH_SCOPE_REPOSITORY)
        FieldRules::append(out, FieldRules::uuid("repository_id", request.repository_id()));
    else if (request.scope() == av1::KILL_SWITCH_SCOPE_GLOBAL && !request.repository_id().empty())
        out.push_back({"repository_id", "kill_switch.repository_id",
                       "repository_id must be empty when the scope is GLOBAL"});
    if (request.reason().empty())
        out.push_back({"reason", std::string(ConstraintId::kStringMinLen),
                       "reason is required: say why work is stopped or resumed"});
    else
        FieldRules::append(out,
                           FieldRules::length("reason", request.reason(), 1, kReasonMaxLength));
    FieldRules::append(out, FieldRules::notBlank("reason", request.reason()));
    return out;
}

std::vector<Violation> AdminValidation::validate(const av1::ListAuditRequest& request)
{
    std::vector<Violation> out;
    FieldRules::append(out, FieldRules::maxLength("actor", request.actor(), kAuditFilterMaxLength));
    FieldRules::append(out,
                       FieldRules::maxLength("action", request.action(), kAuditFilterMaxLength));
    if (request.has_since())
        FieldRules::append(out, FieldRules::timestamp("since", request.since()));
    FieldRules::append(out, CommonValidation::validatePagination(request.pagination()));
    return out;
}

std::vector<Violation> AdminValidation::validate(const av1::ListWebhookDeliveriesRequest& request)
{
    std::vector<Violation> out;
    if (!av1::WebhookDeliveryState_IsValid(request.state()))
        out.push_back({"state", std::string(ConstraintId::kEnumDefinedOnly),
                       "value must be one of the defined enum values"});
    FieldRules::append(out, CommonValidation::validatePagination(request.pagination()));
    return out;
}

} // namespace builder::common
