#include "localize/Tokenizer.h"

namespace builder::localize {

const std::array<std::uint8_t, 256>& Tokenizer::classes()
{
    static const std::array<std::uint8_t, 256> kClasses = [] {
        std::array<std::uint8_t, 256> table{};
        for (int c = 'a'; c <= 'z'; ++c)
            table[c] = kLower;
        for (int c = 'A'; c <= 'Z'; ++c)
            table[c] = kUpper;
        for (int c = '0'; c <= '9'; ++c)
            table[c] = kDigit;
        for (int c = 0x80; c < 0x100; ++c)
            table[c] = kHigh;
        table['_'] = kJoin;
        table['-'] = kJoin;
        return table;
    }();
    return kClasses;
}

std::vector<std::string> Tokenizer::terms(std::string_view text, bool compounds)
{
    std::vector<std::string> out;
    forEachTerm(text, compounds,
                [&](std::uint64_t, std::string_view term) { out.emplace_back(term); });
    return out;
}

} // namespace builder::localize
