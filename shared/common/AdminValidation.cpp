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

} // namespace builder::common
