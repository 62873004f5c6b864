#pragma once

#include <cstddef>
#include <string_view>

namespace builder::common {

// UTF-8 measurements for validation: lengths are limits on what a person typed,
// so they count code points, not bytes.
class Utf8
{
public:
    // Number of code points; a malformed byte counts as one, so the count never
    // undercounts what a lenient decoder would show.
    static std::size_t codePointCount(std::string_view text);

    // True when the text is empty or holds only whitespace and invisible
    // format characters (NBSP, ideographic space, zero-width space, BOM, ...).
    static bool isBlank(std::string_view text);
};

} // namespace builder::common
