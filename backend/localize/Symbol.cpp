#include "localize/Symbol.h"

#include <array>
#include <utility>

namespace builder::localize {

std::string_view symbolKindName(SymbolKind kind)
{
    switch (kind) {
    case SymbolKind::Function:
        return "function";
    case SymbolKind::Method:
        return "method";
    case SymbolKind::Class:
        return "class";
    case SymbolKind::Struct:
        return "struct";
    case SymbolKind::Interface:
        return "interface";
    case SymbolKind::Enum:
        return "enum";
    case SymbolKind::Type:
        return "type";
    case SymbolKind::Constant:
        return "constant";
    case SymbolKind::Variable:
        return "variable";
    case SymbolKind::Macro:
        return "macro";
    case SymbolKind::Module:
        return "module";
    case SymbolKind::Namespace:
        return "namespace";
    case SymbolKind::Field:
        return "field";
    case SymbolKind::Other:
        return "other";
    }
    return "other";
}

SymbolKind symbolKindFromCtags(std::string_view kind)
{
    static constexpr std::array<std::pair<std::string_view, SymbolKind>, 28> kKinds = {{
        {"function", SymbolKind::Function},
        {"func", SymbolKind::Function},
        {"subroutine", SymbolKind::Function},
        {"prototype", SymbolKind::Function},
        {"method", SymbolKind::Method},
        {"member", SymbolKind::Method},
        {"singletonMethod", SymbolKind::Method},
        {"class", SymbolKind::Class},
        {"struct", SymbolKind::Struct},
        {"union", SymbolKind::Struct},
        {"interface", SymbolKind::Interface},
        {"trait", SymbolKind::Interface},
        {"protocol", SymbolKind::Interface},
        {"enum", SymbolKind::Enum},
        {"typedef", SymbolKind::Type},
        {"type", SymbolKind::Type},
        {"alias", SymbolKind::Type},
        {"constant", SymbolKind::Constant},
        {"const", SymbolKind::Constant},
        {"enumerator", SymbolKind::Constant},
        {"variable", SymbolKind::Variable},
        {"macro", SymbolKind::Macro},
        {"module", SymbolKind::Module},
        {"package", SymbolKind::Module},
        {"namespace", SymbolKind::Namespace},
        {"field", SymbolKind::Field},
        {"property", SymbolKind::Field},
        {"message", SymbolKind::Struct},
    }};
    for (const auto& [name, value] : kKinds) {
        if (name == kind)
            return value;
    }
    return SymbolKind::Other;
}

} // namespace builder::localize
