#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace builder::localize {

// Parses one JSON object and keeps its scalar members as text (strings unescaped,
// numbers and literals as written); nested objects and arrays are skipped. Enough
// for ctags' one-object-per-line output without a JSON library in this folder.
class FlatJson
{
public:
    static std::optional<std::map<std::string, std::string>> parseObject(std::string_view text);
};

} // namespace builder::localize
