#include "FieldRules.h"

#include "ConstraintId.h"
#include "GitRefName.h"
#include "Utf8.h"
#include "Uuid.h"

namespace builder::common {

namespace {
// Timestamp's range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
constexpr std::int64_t kMinTimestampSeconds = -62135596800;
constexpr std::int64_t kMaxTimestampSeconds = 253402300799;
constexpr std::int32_t kMaxNanos = 999999999;

std::string characters(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " character" : " characters");
}

Violation make(std::string_view path, std::string_view constraintId, std::string message)
{
    return Violation{std::string(path), std::string(constraintId), std::move(message)};
}
} // namespace

std::string FieldRules::join(std::string_view parent, std::string_view child)
{
    if (parent.empty())
        return std::string(child);
    std::string out(parent);
    out += '.';
    out += child;
    return out;
}

std::string FieldRules::indexed(std::string_view path, std::size_t index)
{
    return std::string(path) + '[' + std::to_string(index) + ']';
}

std::string FieldRules::keyed(std::string_view path, std::string_view key)
{
    std::string out(path);
    out += "[\"";
    for (const char c : key) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += "\"]";
    return out;
}

void FieldRules::append(std::vector<Violation>& to, std::vector<Violation> from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

std::vector<Violation> FieldRules::required(std::string_view path)
{
    return {make(path, ConstraintId::kRequired, "value is required")};
}

std::vector<Violation> FieldRules::length(std::string_view path, std::string_view value,
                                          std::size_t minLen, std::size_t maxLen,
                                          std::string_view subject)
{
    const std::size_t count = Utf8::codePointCount(value);
    if (count < minLen)
        return {make(path, ConstraintId::kStringMinLen,
                     std::string(subject) + " length must be at least " + characters(minLen))};
    if (count > maxLen)
        return {make(path, ConstraintId::kStringMaxLen,
                     std::string(subject) + " length must be at most " + characters(maxLen))};
    return {};
}

std::vector<Violation> FieldRules::maxLength(std::string_view path, std::string_view value,
                                             std::size_t maxLen)
{
    return length(path, value, 0, maxLen);
}

std::vector<Violation> FieldRules::notBlank(std::string_view path, std::string_view value)
{
    if (!value.empty() && Utf8::isBlank(value))
        return {make(path, ConstraintId::kStringNotBlank, "value must not be only whitespace")};
    return {};
}

std::vector<Violation> FieldRules::uuid(std::string_view path, std::string_view value)
{
    if (!Uuid::isValid(value))
        return {make(path, ConstraintId::kStringUuid, "value must be a valid UUID")};
    return {};
}

std::vector<Violation> FieldRules::int32AtLeast(std::string_view path, std::int32_t value,
                                                std::int32_t min)
{
    if (value < min)
        return {make(path, ConstraintId::kInt32Gte,
                     "value must be greater than or equal to " + std::to_string(min))};
    return {};
}

std::vector<Violation> FieldRules::int32RangeOrDefault(std::string_view path, std::int32_t value,
                                                       std::int32_t min, std::int32_t max)
{
    if (value == 0)
        return {};
    constexpr std::string_view kDefaultHint = " (or 0 for the server default)";
    if (value < min)
        return {make(path, ConstraintId::kInt32Gte,
                     "value must be greater than or equal to " + std::to_string(min) +
                         std::string(kDefaultHint))};
    if (value > max)
        return {make(path, ConstraintId::kInt32Lte,
                     "value must be less than or equal to " + std::to_string(max) +
                         std::string(kDefaultHint))};
    return {};
}

std::vector<Violation> FieldRules::maxItems(std::string_view path, std::size_t count,
                                            std::size_t max)
{
    if (count > max)
        return {make(path, ConstraintId::kRepeatedMaxItems,
                     "value must contain at most " + std::to_string(max) + " items")};
    return {};
}

std::vector<Violation> FieldRules::branchName(std::string_view path, std::string_view value)
{
    const std::string problem = GitRefName::branchNameProblem(value);
    if (!problem.empty())
        return {make(path, ConstraintId::kStringGitRef,
                     "value must be a valid git branch name; " + problem)};
    return {};
}

std::vector<Violation> FieldRules::specifiedEnum(std::string_view path, int value,
                                                 bool (*isDefined)(int),
                                                 std::string_view unspecifiedName)
{
    if (!isDefined(value))
        return {make(path, ConstraintId::kEnumDefinedOnly,
                     "value must be one of the defined enum values")};
    if (value == 0)
        return {make(path, ConstraintId::kEnumNotIn,
                     "value must not be " + std::string(unspecifiedName))};
    return {};
}

std::vector<Violation> FieldRules::timestamp(std::string_view path,
                                             const google::protobuf::Timestamp& value)
{
    if (value.seconds() < kMinTimestampSeconds || value.seconds() > kMaxTimestampSeconds ||
        value.nanos() < 0 || value.nanos() > kMaxNanos)
        return {make(path, ConstraintId::kTimestampValid,
                     "value must be a valid timestamp between years 1 and 9999")};
    return {};
}

} // namespace builder::common
