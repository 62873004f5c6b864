#pragma once

#include "Error.h"

#include <google/protobuf/timestamp.pb.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace builder::common {

// The single-field rules every request validator is built from. Each returns
// the violations of one value at the given field path; empty when it passes.
class FieldRules
{
public:
    // "spec" + "title" -> "spec.title"; an empty parent yields just the child.
    static std::string join(std::string_view parent, std::string_view child);
    // "allowed_paths", 2 -> "allowed_paths[2]"
    static std::string indexed(std::string_view path, std::size_t index);
    // "properties.values", "k" -> properties.values["k"] (quotes and '\' escaped)
    static std::string keyed(std::string_view path, std::string_view key);
    static void append(std::vector<Violation>& to, std::vector<Violation> from);

    static std::vector<Violation> required(std::string_view path);
    // Length in code points within [minLen, maxLen]; subject names what is
    // measured in the message ("value", or "key" for a map key).
    static std::vector<Violation> length(std::string_view path, std::string_view value,
                                         std::size_t minLen, std::size_t maxLen,
                                         std::string_view subject = "value");
    static std::vector<Violation> maxLength(std::string_view path, std::string_view value,
                                            std::size_t maxLen);
    // Fails a non-empty value made only of whitespace (emptiness is length's job).
    static std::vector<Violation> notBlank(std::string_view path, std::string_view value);
    static std::vector<Violation> uuid(std::string_view path, std::string_view value);
    static std::vector<Violation> int32AtLeast(std::string_view path, std::int32_t value,
                                               std::int32_t min);
    // 0 passes as "not set: the server default applies"; otherwise within [min, max].
    static std::vector<Violation> int32RangeOrDefault(std::string_view path, std::int32_t value,
                                                      std::int32_t min, std::int32_t max);
    static std::vector<Violation> maxItems(std::string_view path, std::size_t count,
                                           std::size_t max);
    // A git branch name; empty fails too (callers skip optional empty ones).
    static std::vector<Violation> branchName(std::string_view path, std::string_view value);
    // A defined value of the enum that is not its UNSPECIFIED zero.
    static std::vector<Violation> specifiedEnum(std::string_view path, int value,
                                                bool (*isDefined)(int),
                                                std::string_view unspecifiedName);
    // Seconds and nanos within google.protobuf.Timestamp's documented range.
    static std::vector<Violation> timestamp(std::string_view path,
                                            const google::protobuf::Timestamp& value);
};

} // namespace builder::common
