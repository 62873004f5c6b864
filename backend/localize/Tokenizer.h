#pragma once

#include "localize/Stemmer.h"
#include "localize/StopWords.h"
#include "localize/TermHash.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace builder::localize {

// Identifier-aware tokenizer shared by queries, paths, symbols and contents, so a
// term means the same thing in all of them. A word is a run of letters, digits,
// '_' and '-'; it splits into parts at '_' and '-', at lower->Upper and
// digit->Upper ("parseHTTPRequest2" -> parse, http, request2) and before the last
// capital of a capital run ("HTTPServer" -> http, server). Parts are lower-cased
// (ASCII), stemmed, and dropped when shorter than 2 or longer than 40 characters,
// all digits, or stop words. With compounds on, a word of two or more parts also
// yields their concatenation ("RateLimiter", "rate_limiter" -> ratelimiter), so an
// identifier named in a spec matches the symbol or file of that name exactly.
// Stop words are dropped in the identifier mode (queries, paths, symbols); the
// content mode keeps them, because a query never holds one, so testing every
// token of every file would be wasted work: callers that store content terms
// drop them per distinct term instead. The hot loop is a template so content
// scanning inlines the callback.
class Tokenizer
{
public:
    static constexpr std::size_t kMinTermLength = 2;
    static constexpr std::size_t kMaxTermLength = 40;
    // Longer runs are data (base64, hashes, minified code), not words.
    static constexpr std::size_t kMaxWordLength = 120;

    // Calls emit(hash, term) for each term, in text order; `term` is valid only
    // during the call. `compounds` selects the identifier mode (compounds, no stop
    // words) over the content mode.
    template <typename Emit>
    static void forEachTerm(std::string_view text, bool compounds, Emit&& emit);

    // The terms as strings, for queries and tests.
    static std::vector<std::string> terms(std::string_view text, bool compounds);

private:
    enum CharClass : std::uint8_t
    {
        kSep = 0,
        kLower = 1,
        kUpper = 2,
        kDigit = 3,
        kHigh = 4, // a UTF-8 byte: part of a word, never a case boundary
        kJoin = 5, // '_' or '-': splits parts, keeps the word (and its compound)
    };
    static const std::array<std::uint8_t, 256>& classes();

    template <typename Emit>
    static void emitPart(const char* begin, std::size_t length, bool dropStopWords, Emit& emit);
    template <typename Emit>
    static void word(const char* begin, const char* end, bool compounds, Emit& emit);
};

template <typename Emit>
void Tokenizer::emitPart(const char* begin, std::size_t length, bool dropStopWords, Emit& emit)
{
    if (length < kMinTermLength || length > kMaxTermLength)
        return;
    char buffer[kMaxTermLength];
    bool digitsOnly = true;
    // Lower-case and hash in one pass; only a word the stemmer shortens is hashed again.
    std::uint64_t hash = kFnvOffset;
    for (std::size_t i = 0; i < length; ++i) {
        char c = begin[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + ('a' - 'A'));
        digitsOnly = digitsOnly && c >= '0' && c <= '9';
        buffer[i] = c;
        hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
    }
    if (digitsOnly)
        return;
    const std::size_t stemmed = Stemmer::stem(buffer, length);
    const std::string_view term(buffer, stemmed);
    if (stemmed != length)
        hash = termHash(term);
    if (!dropStopWords || !StopWords::containsHash(hash))
        emit(hash, term);
}

template <typename Emit>
void Tokenizer::word(const char* begin, const char* end, bool compounds, Emit& emit)
{
    const auto& cls = classes();
    auto classOf = [&](const char* p) { return cls[static_cast<unsigned char>(*p)]; };
    const char* partStart = nullptr;
    std::size_t parts = 0;
    char compound[kMaxTermLength];
    std::size_t compoundLength = 0;
    bool compoundFits = true;

    auto closePart = [&](const char* partEnd) {
        if (partStart == nullptr || partEnd == partStart)
            return;
        const std::size_t length = static_cast<std::size_t>(partEnd - partStart);
        emitPart(partStart, length, compounds, emit);
        ++parts;
        if (compounds) {
            if (compoundLength + length > kMaxTermLength)
                compoundFits = false;
            else
                for (std::size_t i = 0; i < length; ++i)
                    compound[compoundLength++] = partStart[i];
        }
    };

    for (const char* p = begin; p < end; ++p) {
        const std::uint8_t c = classOf(p);
        if (c == kJoin) {
            closePart(p);
            partStart = nullptr;
            continue;
        }
        if (partStart == nullptr) {
            partStart = p;
            continue;
        }
        if (c == kUpper) {
            const std::uint8_t previous = classOf(p - 1);
            const bool lowerToUpper = previous == kLower || previous == kDigit;
            const bool capitalRunEnds =
                previous == kUpper && p + 1 < end && classOf(p + 1) == kLower;
            if (lowerToUpper || capitalRunEnds) {
                closePart(p);
                partStart = p;
            }
        }
    }
    closePart(end);
    if (compounds && parts >= 2 && compoundFits)
        emitPart(compound, compoundLength, true, emit);
}

template <typename Emit>
void Tokenizer::forEachTerm(std::string_view text, bool compounds, Emit&& emit)
{
    const auto& cls = classes();
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        while (p < end && cls[static_cast<unsigned char>(*p)] == kSep)
            ++p;
        const char* start = p;
        while (p < end && cls[static_cast<unsigned char>(*p)] != kSep)
            ++p;
        if (p > start && static_cast<std::size_t>(p - start) <= kMaxWordLength)
            word(start, p, compounds, emit);
    }
}

} // namespace builder::localize
