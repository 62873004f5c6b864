#pragma once

#include <string>
#include <string_view>

namespace builder::common {

// RFC 4122 UUIDs in their canonical 8-4-4-4-12 text form.
class Uuid
{
public:
    // A random (version 4) UUID in lowercase canonical form.
    static std::string generateV4();

    // True for the canonical 8-4-4-4-12 hex form, in any letter case.
    static bool isValid(std::string_view text);
};

} // namespace builder::common
