#include "localize/TokenEstimator.h"

namespace builder::localize {

namespace {

bool isLower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}
bool isUpper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}
bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
bool isWord(unsigned char c)
{
    return isLower(c) || isUpper(c) || isDigit(c);
}
bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::uint64_t pieces(std::size_t length, std::size_t per)
{
    return (length + per - 1) / per;
}

} // namespace

std::uint64_t TokenEstimator::estimate(std::string_view text)
{
    std::uint64_t tokens = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++tokens;
            ++i;
            while (i < n && isSpace(static_cast<unsigned char>(text[i])))
                ++i;
            continue;
        }
        if (isSpace(c)) {
            std::size_t j = i;
            while (j < n && isSpace(static_cast<unsigned char>(text[j])))
                ++j;
            if (j - i > 1)
                ++tokens;
            i = j;
            continue;
        }
        if (isWord(c)) {
            // One part per camelCase piece, as the ranking tokenizer splits them.
            std::size_t start = i;
            ++i;
            while (i < n && isWord(static_cast<unsigned char>(text[i]))) {
                const auto here = static_cast<unsigned char>(text[i]);
                const auto before = static_cast<unsigned char>(text[i - 1]);
                if (isUpper(here) && (isLower(before) || isDigit(before))) {
                    tokens += pieces(i - start, 6);
                    start = i;
                }
                ++i;
            }
            tokens += pieces(i - start, 6);
            continue;
        }
        if (c >= 0x80) {
            ++tokens;
            ++i;
            while (i < n && (static_cast<unsigned char>(text[i]) & 0xc0) == 0x80)
                ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n) {
            const auto p = static_cast<unsigned char>(text[j]);
            if (isWord(p) || isSpace(p) || p == '\n' || p >= 0x80)
                break;
            ++j;
        }
        tokens += pieces(j - i, 2);
        i = j;
    }
    return tokens;
}

} // namespace builder::localize
