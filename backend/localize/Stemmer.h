#pragma once

#include <cstddef>

namespace builder::localize {

// A light suffix stripper for English words in identifiers and prose: plural
// -s/-es/-ies, -ing, -ed and a final -e, so "caches", "caching", "cached" and
// "cache" meet at "cach". Far lighter than Porter on purpose: it runs on every
// token of every file and must not merge unrelated code words.
class Stemmer
{
public:
    static constexpr std::size_t kMinStem = 3;

    // Stems the lower-case ASCII word in place; returns its new length.
    static std::size_t stem(char* word, std::size_t length);
};

} // namespace builder::localize
