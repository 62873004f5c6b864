#include "localize/Stemmer.h"

#include <cstring>

namespace builder::localize {

namespace {

template <std::size_t N>
bool endsWith(const char* word, std::size_t length, const char (&suffix)[N])
{
    constexpr std::size_t n = N - 1;
    return length >= n && std::memcmp(word + length - n, suffix, n) == 0;
}

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// "stopp" -> "stop", "committ" -> "commit"; never "add" -> "ad" nor "pass" -> "pas".
std::size_t undoubled(const char* word, std::size_t length)
{
    if (length >= Stemmer::kMinStem + 1 && word[length - 1] == word[length - 2] &&
        !isVowel(word[length - 1]) && word[length - 1] != 'l' && word[length - 1] != 's' &&
        word[length - 1] != 'z')
        return length - 1;
    return length;
}

} // namespace

std::size_t Stemmer::stem(char* word, std::size_t length)
{
    if (length <= kMinStem)
        return length;
    // Most words end in none of the suffixes: leave them before any comparison.
    const char last = word[length - 1];
    if (last != 's' && last != 'g' && last != 'd' && last != 'e')
        return length;
    // Words that merely look inflected.
    if (endsWith(word, length, "ss") || endsWith(word, length, "us") ||
        endsWith(word, length, "is"))
        return length;

    if (endsWith(word, length, "ies") && length - 3 >= kMinStem - 1) {
        word[length - 3] = 'y';
        return length - 2;
    }
    if (endsWith(word, length, "sses"))
        return length - 2;
    if (endsWith(word, length, "es") && length - 2 >= kMinStem &&
        (endsWith(word, length - 2, "s") || endsWith(word, length - 2, "x") ||
         endsWith(word, length - 2, "z") || endsWith(word, length - 2, "ch") ||
         endsWith(word, length - 2, "sh")))
        return length - 2;
    if (endsWith(word, length, "ing") && length - 3 >= kMinStem + 1)
        return undoubled(word, length - 3);
    if (endsWith(word, length, "ed") && length - 2 >= kMinStem) {
        return undoubled(word, length - 2);
    }
    if (word[length - 1] == 's' && word[length - 2] != 's') {
        length -= 1;
    }
    if (length > kMinStem + 1 && word[length - 1] == 'e')
        return length - 1;
    return length;
}

} // namespace builder::localize
