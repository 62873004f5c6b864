#pragma once

#include <array>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace builder::localize {

// A fixed set of short words, bucketed by length and first letter, so a lookup
// compares against one or two candidates: the symbol extractor asks it about the
// first word of every line.
class WordSet
{
public:
    WordSet(std::initializer_list<std::string_view> words)
    {
        for (const auto word : words) {
            if (!word.empty() && word.size() < kMaxLength)
                m_buckets[bucket(word)].push_back(word);
        }
    }

    bool contains(std::string_view word) const
    {
        if (word.empty() || word.size() >= kMaxLength)
            return false;
        for (const auto candidate : m_buckets[bucket(word)]) {
            if (candidate == word)
                return true;
        }
        return false;
    }

private:
    static constexpr std::size_t kMaxLength = 16;
    static std::size_t bucket(std::string_view word)
    {
        return word.size() * 64 + (static_cast<unsigned char>(word.front()) & 63);
    }
    std::array<std::vector<std::string_view>, kMaxLength * 64> m_buckets;
};

} // namespace builder::localize
