#pragma once

#include <string_view>

namespace builder::common {

// The constraint ids a Violation can carry: buf.validate's names where the rule
// is one of theirs, Builder's own otherwise. Clients match on these.
struct ConstraintId
{
    static constexpr std::string_view kRequired = "required";
    static constexpr std::string_view kStringMinLen = "string.min_len";
    static constexpr std::string_view kStringMaxLen = "string.max_len";
    static constexpr std::string_view kStringUuid = "string.uuid";
    static constexpr std::string_view kStringUri = "string.uri";
    static constexpr std::string_view kStringNotBlank = "string.not_blank";
    static constexpr std::string_view kStringGitRef = "string.git_ref";
    static constexpr std::string_view kStringRelativePath = "string.relative_path";
    static constexpr std::string_view kStringSshPrivateKey = "string.ssh_private_key";
    static constexpr std::string_view kInt32Gte = "int32.gte";
    static constexpr std::string_view kInt32Lte = "int32.lte";
    static constexpr std::string_view kEnumDefinedOnly = "enum.defined_only";
    static constexpr std::string_view kEnumNotIn = "enum.not_in";
    static constexpr std::string_view kRepeatedMaxItems = "repeated.max_items";
    static constexpr std::string_view kMapMaxPairs = "map.max_pairs";
    static constexpr std::string_view kTimestampValid = "timestamp.valid";
    static constexpr std::string_view kTimestampRange = "timestamp.range";
    static constexpr std::string_view kDurationGt = "duration.gt";
    static constexpr std::string_view kDurationLte = "duration.lte";
    static constexpr std::string_view kCredentialFields = "credential.fields";
    static constexpr std::string_view kCredentialMatchesUrl = "credential.matches_url";
};

} // namespace builder::common
