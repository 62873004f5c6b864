#pragma once

#include "Error.h"
#include "feature/admin/v1/admin.pb.h"

#include <cstdint>
#include <vector>

namespace builder::common {

// Validation rules of AdminService requests (one definition for builderd and clients).
class AdminValidation
{
public:
    static constexpr std::size_t kUserMaxLength = 128;
    static constexpr std::size_t kDescriptionMaxLength = 1000;
    static constexpr std::int64_t kDefaultTokenTtlSeconds = 30LL * 86400;
    static constexpr std::int64_t kMaxTokenTtlSeconds = 365LL * 86400;
    static constexpr std::size_t kReasonMaxLength = 2000;
    static constexpr std::size_t kAuditFilterMaxLength = 128;

    static std::vector<Violation> validate(const feature::admin::v1::CreateTokenRequest& request);
    static std::vector<Violation> validate(const feature::admin::v1::RevokeTokenRequest& request);
    static std::vector<Violation>
    validate(const feature::admin::v1::ListDeadLettersRequest& request);
    static std::vector<Violation>
    validate(const feature::admin::v1::RequeueDeadLetterRequest& request);
    // scope defined and specified; repository_id a UUID exactly when the scope
    // is REPOSITORY; reason 1..2000 characters and not blank (engaging and
    // releasing both need one).
    static std::vector<Violation> validate(const feature::admin::v1::SetKillSwitchRequest& request);
    static std::vector<Violation> validate(const feature::admin::v1::ListAuditRequest& request);
    static std::vector<Violation>
    validate(const feature::admin::v1::ListWebhookDeliveriesRequest& request);
};

} // namespace builder::common
