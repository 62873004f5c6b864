#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace builder::common {

// Turns free text into identifiers that are safe in branch names and paths.
class Slug
{
public:
    static constexpr std::string_view kFallback = "feature";

    // Lowercase ASCII letters and digits joined by single '-', at most maxLen
    // characters (cut at a word boundary when one is near), never empty.
    static std::string branchSlug(std::string_view title, std::size_t maxLen = 40);
};

} // namespace builder::common
