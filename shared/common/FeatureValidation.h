#pragma once

#include "Error.h"

#include "feature/feature/v1/feature.pb.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace builder::common {

// FeatureService's request rules. The field helpers are what the Studio's form
// fields call; the request validators are built from them (one definition).
class FeatureValidation
{
public:
    static constexpr std::size_t kTitleMaxLength = 255;
    static constexpr std::size_t kDescriptionMinLength = 10;
    static constexpr std::size_t kDescriptionMaxLength = 10000;
    static constexpr std::int32_t kMaxStepsMin = 1;
    static constexpr std::int32_t kMaxStepsMax = 50;
    static constexpr std::int32_t kTimeoutMinutesMin = 5;
    static constexpr std::int32_t kTimeoutMinutesMax = 120;
    static constexpr std::size_t kPathPatternMaxLength = 1024;
    static constexpr std::size_t kMaxPathPatterns = 100;
    static constexpr std::size_t kCorrelationIdMaxLength = 255;
    static constexpr std::size_t kIdempotencyKeyMaxLength = 255;
    static constexpr std::size_t kQueryMaxLength = 500;
    static constexpr std::size_t kCancelReasonMaxLength = 2000;
    static constexpr std::size_t kEventTypeMaxLength = 128;
    static constexpr std::size_t kMaxEventTypes = 50;

    // Field helpers; the default path is the field's place in CreateRequest.
    static std::vector<Violation> validateTitle(std::string_view title,
                                                std::string_view path = "spec.title");
    static std::vector<Violation> validateDescription(std::string_view description,
                                                      std::string_view path = "spec.description");
    static std::vector<Violation>
    validateRepositoryId(std::string_view id, std::string_view path = "spec.repository_id");
    // Target and feature branch: empty means "choose for me", else a valid branch name.
    static std::vector<Violation> validateOptionalBranch(std::string_view branch,
                                                         std::string_view path);
    static std::vector<Violation>
    validateMaxSteps(std::int32_t maxSteps, std::string_view path = "spec.constraints.max_steps");
    static std::vector<Violation>
    validateTimeoutMinutes(std::int32_t minutes,
                           std::string_view path = "spec.constraints.timeout_minutes");
    // One allowed/forbidden path entry: a relative path or glob inside the work tree.
    static std::vector<Violation> validatePathPattern(std::string_view pattern,
                                                      std::string_view path);
    static std::vector<Violation> validateCorrelationId(std::string_view id,
                                                        std::string_view path = "correlation_id");
    static std::vector<Violation> validateIdempotencyKey(std::string_view key,
                                                         std::string_view path = "idempotency_key");

    static std::vector<Violation>
    validateConstraints(const feature::feature::v1::FeatureConstraints& constraints,
                        std::string_view path = "spec.constraints");
    static std::vector<Violation> validateSpec(const feature::feature::v1::FeatureSpec& spec,
                                               std::string_view path = "spec");

    static std::vector<Violation> validate(const feature::feature::v1::CreateRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::GetRequest& request);
    static std::vector<Violation>
    validate(const feature::feature::v1::GetByCorrelationRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::SearchRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::CancelRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::RetryRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::ListEventsRequest& request);
    static std::vector<Violation>
    validate(const feature::feature::v1::GetArtifactsRequest& request);
};

} // namespace builder::common
