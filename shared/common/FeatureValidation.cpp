#include "FeatureValidation.h"

#include "CommonValidation.h"
#include "ConstraintId.h"
#include "FieldRules.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace builder::common {

namespace fv1 = feature::feature::v1;
using R = FieldRules;

namespace {

Violation relativePathViolation(std::string_view path, std::string message)
{
    return Violation{std::string(path), std::string(ConstraintId::kStringRelativePath),
                     std::move(message)};
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

template <typename Strings>
std::vector<Violation> validatePathList(const Strings& entries, std::string_view path)
{
    std::vector<Violation> out = R::maxItems(path, static_cast<std::size_t>(entries.size()),
                                             FeatureValidation::kMaxPathPatterns);
    std::size_t index = 0;
    for (const auto& entry : entries)
        R::append(out, FeatureValidation::validatePathPattern(entry, R::indexed(path, index++)));
    return out;
}

} // namespace

std::vector<Violation> FeatureValidation::validateTitle(std::string_view title,
                                                        std::string_view path)
{
    std::vector<Violation> out = R::length(path, title, 1, kTitleMaxLength);
    R::append(out, R::notBlank(path, title));
    return out;
}

std::vector<Violation> FeatureValidation::validateDescription(std::string_view description,
                                                              std::string_view path)
{
    return R::length(path, description, kDescriptionMinLength, kDescriptionMaxLength);
}

std::vector<Violation> FeatureValidation::validateRepositoryId(std::string_view id,
                                                               std::string_view path)
{
    return R::uuid(path, id);
}

std::vector<Violation> FeatureValidation::validateOptionalBranch(std::string_view branch,
                                                                 std::string_view path)
{
    if (branch.empty())
        return {};
    return R::branchName(path, branch);
}

std::vector<Violation> FeatureValidation::validateMaxSteps(std::int32_t maxSteps,
                                                           std::string_view path)
{
    return R::int32RangeOrDefault(path, maxSteps, kMaxStepsMin, kMaxStepsMax);
}

std::vector<Violation> FeatureValidation::validateTimeoutMinutes(std::int32_t minutes,
                                                                 std::string_view path)
{
    return R::int32RangeOrDefault(path, minutes, kTimeoutMinutesMin, kTimeoutMinutesMax);
}

std::vector<Violation> FeatureValidation::validatePathPattern(std::string_view pattern,
                                                              std::string_view path)
{
    std::vector<Violation> out = R::length(path, pattern, 1, kPathPatternMaxLength);
    if (pattern.empty())
        return out;

    if (std::any_of(pattern.begin(), pattern.end(), [](char ch) {
            const auto c = static_cast<unsigned char>(ch);
            return c < 0x20 || c == 0x7F;
        }))
        out.push_back(relativePathViolation(path, "value must not contain control characters"));

    const bool driveLetter = pattern.size() >= 2 && pattern[1] == ':' &&
                             std::isalpha(static_cast<unsigned char>(pattern[0]));
    if (pattern.front() == '/' || pattern.front() == '\\' || driveLetter)
        out.push_back(relativePathViolation(
            path, "value must be a path relative to the repository root, not an absolute path"));

    // Backslashes count as separators too: the work tree may be checked out on Windows.
    bool parentSeen = false;
    bool gitDirSeen = false;
    std::size_t start = 0;
    while (start <= pattern.size()) {
        const std::size_t end = std::min(pattern.find_first_of("/\\", start), pattern.size());
        const std::string_view component = pattern.substr(start, end - start);
        parentSeen = parentSeen || component == "..";
        gitDirSeen = gitDirSeen || equalsIgnoringCase(component, ".git");
        start = end + 1;
    }
    if (parentSeen)
        out.push_back(relativePathViolation(path, "value must not contain a '..' component"));
    if (gitDirSeen)
        out.push_back(relativePathViolation(path, "value must not point into the .git directory"));
    return out;
}

std::vector<Violation> FeatureValidation::validateCorrelationId(std::string_view id,
                                                                std::string_view path)
{
    return R::maxLength(path, id, kCorrelationIdMaxLength);
}

std::vector<Violation> FeatureValidation::validateIdempotencyKey(std::string_view key,
                                                                 std::string_view path)
{
    return R::maxLength(path, key, kIdempotencyKeyMaxLength);
}

std::vector<Violation>
FeatureValidation::validateConstraints(const fv1::FeatureConstraints& constraints,
                                       std::string_view path)
{
    std::vector<Violation> out =
        validateMaxSteps(constraints.max_steps(), R::join(path, "max_steps"));
    R::append(out, validateTimeoutMinutes(constraints.timeout_minutes(),
                                          R::join(path, "timeout_minutes")));
    R::append(out, validatePathList(constraints.allowed_paths(), R::join(path, "allowed_paths")));
    R::append(out,
              validatePathList(constraints.forbidden_paths(), R::join(path, "forbidden_paths")));
    return out;
}

std::vector<Violation> FeatureValidation::validateSpec(const fv1::FeatureSpec& spec,
                                                       std::string_view path)
{
    std::vector<Violation> out = validateTitle(spec.title(), R::join(path, "title"));
    R::append(out, validateDescription(spec.description(), R::join(path, "description")));
    R::append(out, validateRepositoryId(spec.repository_id(), R::join(path, "repository_id")));
    R::append(out, validateOptionalBranch(spec.target_branch(), R::join(path, "target_branch")));
    R::append(out, validateOptionalBranch(spec.feature_branch(), R::join(path, "feature_branch")));
    if (spec.has_constraints())
        R::append(out, validateConstraints(spec.constraints(), R::join(path, "constraints")));
    if (spec.has_properties())
        R::append(out, CommonValidation::validateProperties(spec.properties(),
                                                            R::join(path, "properties")));
    return out;
}

std::vector<Violation> FeatureValidation::validate(const fv1::CreateRequest& request)
{
    std::vector<Violation> out =
        request.has_spec() ? validateSpec(request.spec(), "spec") : R::required("spec");
    R::append(out, validateCorrelationId(request.correlation_id()));
    R::append(out, validateIdempotencyKey(request.idempotency_key()));
    return out;
}

std::vector<Violation> FeatureValidation::validate(const fv1::GetRequest& request)
{
    return R::uuid("id", request.id());
}

std::vector<Violation> FeatureValidation::validate(const fv1::GetByCorrelationRequest& request)
{
    return R::length("correlation_id", request.correlation_id(), 1, kCorrelationIdMaxLength);
}

std::vector<Violation> FeatureValidation::validate(const fv1::SearchRequest& request)
{
    std::vector<Violation> out;
    if (!request.repository_id().empty())
        R::append(out, R::uuid("repository_id", request.repository_id()));
    for (int i = 0; i < request.states_size(); ++i)
        R::append(out, R::specifiedEnum(R::indexed("states", static_cast<std::size_t>(i)),
                                        request.states().Get(i), &fv1::FeatureState_IsValid,
                                        "FEATURE_STATE_UNSPECIFIED"));

    std::vector<Violation> times;
    if (request.has_created_after())
        R::append(times, R::timestamp("created_after", request.created_after()));
    if (request.has_created_before())
        R::append(times, R::timestamp("created_before", request.created_before()));
    out.insert(out.end(), times.begin(), times.end());
    if (times.empty() && request.has_created_after() && request.has_created_before()) {
        const auto& after = request.created_after();
        const auto& before = request.created_before();
        const bool inverted =
            after.seconds() > before.seconds() ||
            (after.seconds() == before.seconds() && after.nanos() > before.nanos());
        if (inverted)
            out.push_back(Violation{"created_after", std::string(ConstraintId::kTimestampRange),
                                    "value must not be later than created_before"});
    }

    R::append(out, R::maxLength("query", request.query(), kQueryMaxLength));
    if (request.has_pagination())
        R::append(out, CommonValidation::validatePagination(request.pagination()));
    return out;
}

std::vector<Violation> FeatureValidation::validate(const fv1::CancelRequest& request)
{
    std::vector<Violation> out = R::uuid("id", request.id());
    R::append(out, R::maxLength("reason", request.reason(), kCancelReasonMaxLength));
    return out;
}

std::vector<Violation> FeatureValidation::validate(const fv1::RetryRequest& request)
{
    std::vector<Violation> out = R::uuid("id", request.id());
    R::append(out, R::int32AtLeast("from_step", request.from_step(), 0));
    return out;
}

std::vector<Violation> FeatureValidation::validate(const fv1::ListEventsRequest& request)
{
    std::vector<Violation> out = R::uuid("feature_execution_id", request.feature_execution_id());
    R::append(out, R::maxItems("event_types", static_cast<std::size_t>(request.event_types_size()),
                               kMaxEventTypes));
    for (int i = 0; i < request.event_types_size(); ++i)
        R::append(out, R::length(R::indexed("event_types", static_cast<std::size_t>(i)),
                                 request.event_types(i), 1, kEventTypeMaxLength));
    return out;
}

std::vector<Violation> FeatureValidation::validate(const fv1::GetArtifactsRequest& request)
{
    return R::uuid("feature_execution_id", request.feature_execution_id());
}

} // namespace builder::common
