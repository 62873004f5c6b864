#include "TokenPattern.h"

#include <algorithm>

namespace builder::review {

namespace {

constexpr int kUnbounded = 512;
constexpr int kBudget = 4096; // backtracking steps per match attempt

bool escapeSet(char e, CharSet& set)
{
    switch (e) {
    case 'd':
        set = CharSet::of("0-9");
        return true;
    case 'w':
        set = CharSet::of("A-Za-z0-9_");
        return true;
    case 'h':
        set = CharSet::of("0-9a-fA-F");
        return true;
    case 'l':
        set = CharSet::of("0-9a-f");
        return true;
    case 'u':
        set = CharSet::of("0-9A-F");
        return true;
    default:
        break;
    }
    set = CharSet();
    set.add(static_cast<unsigned char>(e));
    return true;
}

bool readInt(std::string_view s, std::size_t& i, int& value)
{
    const std::size_t start = i;
    value = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && value < 100000)
        value = value * 10 + (s[i++] - '0');
    return i > start;
}

} // namespace

std::optional<TokenPattern> TokenPattern::compile(std::string_view s)
{
    TokenPattern pattern;
    for (std::size_t i = 0; i < s.size();) {
        Atom atom;
        const char c = s[i];
        if (c == '[') {
            std::size_t close = i + 1;
            if (close < s.size() && s[close] == '^')
                ++close;
            if (close < s.size() && s[close] == ']')
                ++close; // a leading ']' is literal
            while (close < s.size() && s[close] != ']')
                close += s[close] == '\\' ? 2 : 1;
            if (close >= s.size())
                return std::nullopt;
            const bool negate = s[i + 1] == '^';
            std::string body;
            for (std::size_t k = i + 1 + (negate ? 1 : 0); k < close; ++k) {
                if (s[k] == '\\' && k + 1 < close) {
                    CharSet escaped;
                    escapeSet(s[++k], escaped);
                    // Expand the escape to its members so ranges stay literal.
                    for (int b = 0; b < 256; ++b) {
                        if (escaped.has(static_cast<char>(b)))
                            atom.set.add(static_cast<unsigned char>(b));
                    }
                    continue;
                }
                body.push_back(s[k]);
            }
            CharSet members = CharSet::of(body);
            for (int b = 0; b < 256; ++b) {
                if (members.has(static_cast<char>(b)))
                    atom.set.add(static_cast<unsigned char>(b));
            }
            if (negate)
                atom.set = atom.set.inverted();
            i = close + 1;
        } else if (c == '\\') {
            if (i + 1 >= s.size())
                return std::nullopt;
            escapeSet(s[i + 1], atom.set);
            i += 2;
        } else if (c == '{' || c == '}' || c == '?' || c == '+' || c == '*' || c == '(' ||
                   c == ')' || c == '|') {
            return std::nullopt;
        } else {
            atom.set.add(static_cast<unsigned char>(c));
            ++i;
        }
        if (i < s.size()) {
            if (s[i] == '{') {
                ++i;
                if (!readInt(s, i, atom.min))
                    return std::nullopt;
                atom.max = atom.min;
                if (i < s.size() && s[i] == ',') {
                    ++i;
                    if (!readInt(s, i, atom.max))
                        return std::nullopt;
                }
                if (i >= s.size() || s[i] != '}' || atom.max < atom.min)
                    return std::nullopt;
                ++i;
            } else if (s[i] == '?') {
                atom.min = 0;
                ++i;
            } else if (s[i] == '+') {
                atom.max = kUnbounded;
                ++i;
            } else if (s[i] == '*') {
                atom.min = 0;
                atom.max = kUnbounded;
                ++i;
            }
        }
        pattern.m_atoms.push_back(std::move(atom));
    }
    if (pattern.m_atoms.empty())
        return std::nullopt;
    const Atom& last = pattern.m_atoms.back();
    pattern.m_tail = last.max > 1 ? last.set : CharSet::alnum();
    return pattern;
}

bool TokenPattern::match(std::string_view text, std::size_t pos, std::size_t atom, std::size_t& end,
                         int& budget, bool whole) const
{
    if (atom == m_atoms.size()) {
        end = pos;
        return !whole || pos == text.size();
    }
    if (--budget < 0)
        return false;
    const Atom& a = m_atoms[atom];
    int run = 0;
    while (run < a.max && pos + run < text.size() && a.set.has(text[pos + run]))
        ++run;
    for (int take = run; take >= a.min; --take) {
        if (match(text, pos + take, atom + 1, end, budget, whole))
            return true;
        if (budget < 0)
            return false;
    }
    return false;
}

std::optional<std::size_t> TokenPattern::matchAt(std::string_view text, std::size_t start) const
{
    std::size_t end = 0;
    int budget = kBudget;
    if (start > text.size() || !match(text, start, 0, end, budget, false))
        return std::nullopt;
    return end;
}

bool TokenPattern::matchesWhole(std::string_view text) const
{
    std::size_t end = 0;
    int budget = kBudget;
    return match(text, 0, 0, end, budget, true);
}

std::size_t TokenPattern::literalPrefixLength() const
{
    std::size_t length = 0;
    for (const auto& atom : m_atoms) {
        if (atom.min != 1 || atom.max != 1 || atom.set.size() != 1)
            break;
        ++length;
    }
    return length;
}

std::string TokenPattern::example(std::uint32_t seed) const
{
    std::uint32_t state = seed * 2654435761u + 1u;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    std::string out;
    for (const auto& atom : m_atoms) {
        std::string members;
        for (int b = 32; b < 127; ++b) {
            if (atom.set.has(static_cast<char>(b)))
                members.push_back(static_cast<char>(b));
        }
        if (members.empty())
            continue;
        const int span = std::min(atom.max, atom.min + 4) - atom.min;
        const int count = atom.min + (span > 0 ? static_cast<int>(next() % (span + 1)) : 0);
        for (int i = 0; i < count; ++i)
            out.push_back(members[next() % members.size()]);
    }
    return out;
}

std::optional<std::size_t> TokenPattern::matchBackward(std::string_view text, std::size_t end) const
{
    std::size_t pos = end;
    for (auto it = m_atoms.rbegin(); it != m_atoms.rend(); ++it) {
        int run = 0;
        while (run < it->max && pos > static_cast<std::size_t>(run) &&
               it->set.has(text[pos - run - 1]))
            ++run;
        if (run < it->min)
            return std::nullopt;
        pos -= static_cast<std::size_t>(run);
    }
    return pos;
}

} // namespace builder::review
