#pragma once

#include "common/Result.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace google::protobuf {
class EnumDescriptor;
}

namespace builder::ctl {

// Typed option values. Every error names the option, so the usage message
// points at what to fix.
class ArgValues
{
public:
    static common::Result<std::int32_t> int32(const std::string& option, const std::string& text);
    static common::Result<std::uint64_t> uint64(const std::string& option, const std::string& text);
    // "key=value"; the value may be empty or contain '=', the key may not be empty.
    static common::Result<std::pair<std::string, std::string>> property(const std::string& option,
                                                                        const std::string& text);
    static common::Result<std::map<std::string, std::string>>
    properties(const std::string& option, const std::vector<std::string>& texts);
    // Enum names from repeated and/or comma-separated values.
    static common::Result<std::vector<int>>
    enumValues(const std::string& option, const std::vector<std::string>& texts,
               const google::protobuf::EnumDescriptor* type);
    // "a,b" "c" -> a b c; empty items dropped.
    static std::vector<std::string> splitList(const std::vector<std::string>& texts);
};

} // namespace builder::ctl
