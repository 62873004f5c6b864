#include "localize/StopWords.h"

#include "localize/Stemmer.h"
#include "localize/TermHash.h"

#include <array>
#include <string>
#include <vector>

namespace builder::localize {

namespace {

constexpr std::array kWords = {
    // English
    "a",
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "etc",
    "every",
    "few",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "she",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
    "yours",
    // Spec boilerplate
    "able",
    "allow",
    "currently",
    "eg",
    "ensure",
    "feature",
    "ie",
    "implement",
    "like",
    "make",
    "must",
    "need",
    "new",
    "please",
    "shall",
    "should",
    "want",
    "way",
    "will",
    "can",
    // Keywords of most languages
    "auto",
    "bool",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "def",
    "default",
    "else",
    "elif",
    "end",
    "false",
    "for",
    "func",
    "function",
    "import",
    "include",
    "int",
    "let",
    "nil",
    "none",
    "null",
    "nullptr",
    "private",
    "protected",
    "public",
    "pub",
    "return",
    "self",
    "static",
    "std",
    "string",
    "this",
    "true",
    "var",
    "void",
};

// An open-addressing set of stemmed-word hashes; built once, read without locks.
class HashSet
{
public:
    HashSet() : m_slots(kSize, 0)
    {
        for (const char* word : kWords) {
            std::string buffer(word);
            buffer.resize(Stemmer::stem(buffer.data(), buffer.size()));
            insert(termHash(buffer));
        }
    }
    bool contains(std::uint64_t hash) const
    {
        for (std::size_t i = hash & (kSize - 1);; i = (i + 1) & (kSize - 1)) {
            if (m_slots[i] == hash)
                return true;
            if (m_slots[i] == 0)
                return false;
        }
    }

private:
    static constexpr std::size_t kSize = 1024; // over 4x the word count: short probes
    void insert(std::uint64_t hash)
    {
        std::size_t i = hash & (kSize - 1);
        while (m_slots[i] != 0 && m_slots[i] != hash)
            i = (i + 1) & (kSize - 1);
        m_slots[i] = hash;
    }
    std::vector<std::uint64_t> m_slots;
};

const HashSet& set()
{
    static const HashSet kSet;
    return kSet;
}

} // namespace

bool StopWords::containsHash(std::uint64_t stemmedHash)
{
    return set().contains(stemmedHash);
}

bool StopWords::contains(std::string_view word)
{
    std::string buffer(word);
    buffer.resize(Stemmer::stem(buffer.data(), buffer.size()));
    return containsHash(termHash(buffer));
}

} // namespace builder::localize
