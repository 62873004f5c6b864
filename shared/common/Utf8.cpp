#include "Utf8.h"

namespace builder::common {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[pos] and advances pos; malformed input yields
// U+FFFD and consumes one byte.
char32_t decodeAt(std::string_view text, std::size_t& pos)
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t extra = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        ++pos;
        return kReplacement;
    }
    if (pos + extra >= text.size()) {
        ++pos;
        return kReplacement;
    }
    for (std::size_t i = 1; i <= extra; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        if ((c & 0xC0) != 0x80) {
            ++pos;
            return kReplacement;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    pos += extra + 1;
    return cp;
}

bool isBlankCodePoint(char32_t cp)
{
    switch (cp) {
    case 0x0009:
    case 0x000A:
    case 0x000B:
    case 0x000C:
    case 0x000D:
    case 0x0020:
    case 0x0085:
    case 0x00A0:
    case 0x1680:
    case 0x180E:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x2060:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        // U+2000..U+200A are typographic spaces, U+200B..U+200D zero-width ones.
        return cp >= 0x2000 && cp <= 0x200D;
    }
}

} // namespace

std::size_t Utf8::codePointCount(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        decodeAt(text, pos);
        ++count;
    }
    return count;
}

bool Utf8::isBlank(std::string_view text)
{
    for (std::size_t pos = 0; pos < text.size();) {
        if (!isBlankCodePoint(decodeAt(text, pos)))
            return false;
    }
    return true;
}

} // namespace builder::common
