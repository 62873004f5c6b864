#pragma once

#include "localize/Language.h"
#include "localize/Symbol.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace builder::localize {

// Declarations of the C family (C, C++, Objective-C, C#, Java, Kotlin, Scala,
// Swift, Dart, PHP, protobuf): keyword-introduced types and functions, macros,
// typedefs and aliases, constants, and "Type name(" functions and methods.
class CFamilyRules
{
public:
    // `trimmed` is the line without indentation; `indent` its width.
    static void line(Language language, std::string_view trimmed, std::uint32_t number,
                     std::size_t indent, std::vector<Symbol>& out);
};

} // namespace builder::localize
