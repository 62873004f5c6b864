#include "TextWidth.h"

#include <array>
#include <utility>

namespace builder::ctl {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr std::string_view kEllipsis = "\u2026";

using Range = std::pair<char32_t, char32_t>;

// Combining marks, zero-width spaces and joiners, variation selectors.
constexpr std::array kZeroWidth = {
    Range{0x0300, 0x036F}, Range{0x0483, 0x0489}, Range{0x0591, 0x05BD},  Range{0x0610, 0x061A},
    Range{0x064B, 0x065F}, Range{0x0E31, 0x0E31}, Range{0x0E34, 0x0E3A},  Range{0x1AB0, 0x1AFF},
    Range{0x1DC0, 0x1DFF}, Range{0x200B, 0x200F}, Range{0x20D0, 0x20FF},  Range{0xFE00, 0xFE0F},
    Range{0xFE20, 0xFE2F}, Range{0xFEFF, 0xFEFF}, Range{0xE0100, 0xE01EF}};

// East Asian wide and full-width characters, and the emoji blocks terminals draw
// two columns wide.
constexpr std::array kWide = {
    Range{0x1100, 0x115F},   Range{0x231A, 0x231B},   Range{0x2E80, 0x303E},
    Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},   Range{0x4E00, 0x9FFF},
    Range{0xA000, 0xA4CF},   Range{0xA960, 0xA97F},   Range{0xAC00, 0xD7A3},
    Range{0xF900, 0xFAFF},   Range{0xFE10, 0xFE19},   Range{0xFE30, 0xFE6F},
    Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},   Range{0x1F300, 0x1F64F},
    Range{0x1F680, 0x1F6FF}, Range{0x1F900, 0x1F9FF}, Range{0x20000, 0x2FFFD},
    Range{0x30000, 0x3FFFD}};

template <std::size_t N> bool inRanges(const std::array<Range, N>& ranges, char32_t c)
{
    for (const auto& [first, last] : ranges) {
        if (c >= first && c <= last)
            return true;
    }
    return false;
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

} // namespace

std::size_t TextWidth::decode(std::string_view s, std::size_t pos, char32_t& codePoint)
{
    const auto byte = static_cast<unsigned char>(s[pos]);
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (byte < 0x80) {
        codePoint = byte;
        return 1;
    } else if ((byte & 0xE0) == 0xC0) {
        length = 2;
        value = byte & 0x1F;
        minimum = 0x80;
    } else if ((byte & 0xF0) == 0xE0) {
        length = 3;
        value = byte & 0x0F;
        minimum = 0x800;
    } else if ((byte & 0xF8) == 0xF0) {
        length = 4;
        value = byte & 0x07;
        minimum = 0x10000;
    } else {
        codePoint = kReplacement;
        return 1;
    }
    if (pos + length > s.size()) {
        codePoint = kReplacement;
        return 1;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(s[pos + i]);
        if ((next & 0xC0) != 0x80) {
            codePoint = kReplacement;
            return 1;
        }
        value = (value << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range values are invalid UTF-8.
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        codePoint = kReplacement;
        return 1;
    }
    codePoint = value;
    return length;
}

int TextWidth::codePointColumns(char32_t c)
{
    if (inRanges(kZeroWidth, c))
        return 0;
    if (inRanges(kWide, c))
        return 2;
    return 1;
}

int TextWidth::columns(std::string_view utf8)
{
    int total = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t c = 0;
        pos += decode(utf8, pos, c);
        total += codePointColumns(c);
    }
    return total;
}

std::string TextWidth::truncate(std::string_view utf8, int maxColumns)
{
    if (columns(utf8) <= maxColumns)
        return std::string(utf8);
    if (maxColumns <= 0)
        return {};
    const int budget = maxColumns - 1; // room for the ellipsis
    int used = 0;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        char32_t c = 0;
        const std::size_t length = decode(utf8, pos, c);
        const int width = codePointColumns(c);
        if (used + width > budget)
            break;
        used += width;
        pos += length;
    }
    return std::string(utf8.substr(0, pos)) + std::string(kEllipsis);
}

std::string TextWidth::sanitize(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t c = 0;
        const std::size_t length = decode(utf8, pos, c);
        const bool control = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
        if (control)
            out += ' ';
        else if (c == kReplacement && length == 1)
            appendUtf8(out, kReplacement);
        else
            out.append(utf8.substr(pos, length));
        pos += length;
    }
    return out;
}

std::string TextWidth::padRight(std::string_view utf8, int width)
{
    std::string out(utf8);
    const int missing = width - columns(utf8);
    if (missing > 0)
        out.append(static_cast<std::size_t>(missing), ' ');
    return out;
}

} // namespace builder::ctl
