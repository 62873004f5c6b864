#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace builder::localize {

// What a symbol is; the built-in extractor and ctags are mapped onto these.
enum class SymbolKind : std::uint8_t
{
    Function,
    Method,
    Class,
    Struct,
    Interface,
    Enum,
    Type,
    Constant,
    Variable,
    Macro,
    Module,
    Namespace,
    Field,
    Other,
};

// One declaration found in a file: its name, kind and 1-based line.
struct Symbol
{
    std::string name;
    SymbolKind kind = SymbolKind::Other;
    std::uint32_t line = 0;

    bool operator==(const Symbol&) const = default;
};

// "function", "class", ... (stable: JSON output and the cache use them).
std::string_view symbolKindName(SymbolKind kind);
// The kind of a ctags long kind name ("function", "member", "struct", ...).
SymbolKind symbolKindFromCtags(std::string_view kind);

} // namespace builder::localize
