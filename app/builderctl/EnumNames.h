#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace google::protobuf {
class EnumDescriptor;
}

namespace builder::ctl {

// Proto enum values as people read and type them:
// FEATURE_STATE_AWAITING_REVIEW <-> "awaiting-review".
class EnumNames
{
public:
    static std::string shortName(const google::protobuf::EnumDescriptor* type, int value);
    // Every name a flag accepts (UNSPECIFIED excluded), in declaration order.
    static std::vector<std::string> names(const google::protobuf::EnumDescriptor* type);
    // Accepts the short name with '-' or '_' in any case, or the full proto name.
    static std::optional<int> parse(const google::protobuf::EnumDescriptor* type,
                                    std::string_view text);

private:
    // "FeatureState" -> "FEATURE_STATE_", the prefix every value name carries.
    static std::string prefix(const google::protobuf::EnumDescriptor* type);
};

} // namespace builder::ctl
