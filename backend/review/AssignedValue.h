#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace builder::review {

// Finds the value assigned to a key on one line, in the shapes code and config
// use: `KEY=value`, `key: "value"`, `"key": "value"`, `key := "value"`,
// `key => 'value'`, `("KEY", "value")`, `ENV["KEY"] = "value"`, `val key: String = "value"`.
class AssignedValue
{
public:
    struct Span
    {
        std::size_t begin = 0;
        std::size_t end = 0;
        char quote = 0; // the opening quote, 0 when unquoted
    };

    // The value after a key word that ends at `keyEnd` (the rest of the key name
    // is skipped). For a quoted value the span stops before the closing quote;
    // unquoted values stop at whitespace, ';', ',', ')', '#' or a quote.
    // nullopt when no assignment follows (comparisons `==` included).
    static std::optional<Span> after(std::string_view line, std::size_t keyEnd);

    // The whole key name around line[begin, end): letters, digits, '_', '-', '.'.
    static std::string_view keyName(std::string_view line, std::size_t begin, std::size_t end);

    static bool isKeyChar(char c);
};

} // namespace builder::review
