#pragma once

#include "localize/LineCursor.h"
#include "localize/Symbol.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace builder::localize {

// Small text tests shared by the symbol extractor's language rules.
class SourceWords
{
public:
    // Statement words that can stand before '(' without declaring anything.
    static bool isControlWord(std::string_view word);
    static std::string_view trimRight(std::string_view text);
    // The identifier that ends `text`, or empty.
    static std::string_view trailingIdentifier(std::string_view text);
    // "MAX_SIZE", "BUILDER_API": constants and export macros.
    static bool isAllCaps(std::string_view name);
    // Skips Java/C#/TS annotations and attributes: "@Override", "[Fact]", "@Get('/x')".
    static void skipAnnotations(LineCursor& cursor);
    // Indented callables are members.
    static SymbolKind callableKind(std::size_t indent);
    static void add(std::vector<Symbol>& out, std::string_view name, SymbolKind kind,
                    std::uint32_t line);
};

} // namespace builder::localize
