#pragma once

#include <string>
#include <string_view>

namespace builder::ctl {

// Terminal column arithmetic on UTF-8 text, so tables stay aligned with wide
// (CJK, emoji) and zero-width (combining) characters and never split a
// multi-byte sequence.
class TextWidth
{
public:
    static int columns(std::string_view utf8);
    // At most maxColumns wide; a trailing ellipsis marks a cut.
    static std::string truncate(std::string_view utf8, int maxColumns);
    // Replaces control characters (newlines, tabs, escape sequences) with
    // spaces and invalid bytes with U+FFFD: server-supplied text must not break
    // a table row or drive the terminal.
    static std::string sanitize(std::string_view utf8);
    static std::string padRight(std::string_view utf8, int columns);

    static int codePointColumns(char32_t codePoint);

private:
    // Decodes the code point at `pos`; returns its byte length (1 for an invalid byte,
    // reported as U+FFFD).
    static std::size_t decode(std::string_view utf8, std::size_t pos, char32_t& codePoint);
};

} // namespace builder::ctl
