#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace builder::review {

// How secrets appear in findings: at most the first 4 characters (and only the
// rule's public prefix, never random bytes), then "…(redacted)".
class Redaction
{
public:
    static constexpr std::size_t kMaxShown = 4;

    // `shown` is capped at kMaxShown and at a quarter of the value's length.
    static std::string mask(std::string_view secret, std::size_t shown);
};

} // namespace builder::review
