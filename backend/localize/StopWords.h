#pragma once

#include <cstdint>
#include <string_view>

namespace builder::localize {

// Words too common to say which file a spec is about: English function words,
// spec boilerplate ("should", "implement") and the keywords every language
// repeats ("return", "const"). Compared after stemming, by term hash.
class StopWords
{
public:
    static bool containsHash(std::uint64_t stemmedHash);
    // `word` lower-case; stems it first, as the tokenizer does.
    static bool contains(std::string_view word);
};

} // namespace builder::localize
