#include "Vocabulary.h"

#include <cctype>
#include <set>

namespace builder::bench {

Vocabulary::Vocabulary(std::size_t size, std::uint32_t seed)
{
    static const char kConsonants[] = "bdfgklmnprstvz";
    static const char kVowels[] = "aeiou";
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> consonant(0, sizeof kConsonants - 2);
    std::uniform_int_distribution<int> vowel(0, sizeof kVowels - 2);
    std::set<std::string> seen;
    while (m_words.size() < size) {
        std::string w;
        for (int syllable = 0; syllable < 3; ++syllable) {
            w += kConsonants[consonant(rng)];
            w += kVowels[vowel(rng)];
        }
        if (seen.insert(w).second)
            m_words.push_back(w);
    }
}

const std::string& Vocabulary::pick(std::mt19937& rng) const
{
    std::uniform_int_distribution<std::size_t> index(0, m_words.size() - 1);
    return m_words[index(rng)];
}

std::string Vocabulary::sentence(std::mt19937& rng, int count) const
{
    std::string out;
    for (int i = 0; i < count; ++i) {
        if (i)
            out += ' ';
        out += pick(rng);
    }
    if (!out.empty())
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

} // namespace builder::bench
