#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace builder::bench {

// A fixed set of made-up six-letter words for execution titles and
// descriptions. All words have the same length, so none is a prefix of another
// and an FTS prefix query for one word matches exactly that word. Drawn
// uniformly, a word appears in about 1 - (1 - 1/size)^(words per row) of rows:
// with 300 words and 19 words per row, about 6%.
class Vocabulary
{
public:
    explicit Vocabulary(std::size_t size = 300, std::uint32_t seed = 7);

    std::size_t size() const { return m_words.size(); }
    const std::string& word(std::size_t index) const { return m_words[index % m_words.size()]; }
    const std::string& pick(std::mt19937& rng) const;
    // `count` words separated by spaces, the first one capitalised.
    std::string sentence(std::mt19937& rng, int count) const;

private:
    std::vector<std::string> m_words;
};

} // namespace builder::bench
