#include "KeywordAutomaton.h"

#include <algorithm>
#include <deque>

namespace builder::review {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

int KeywordAutomaton::add(std::string_view keyword)
{
    std::string folded(keyword);
    std::transform(folded.begin(), folded.end(), folded.begin(), lower);
    const auto it = std::find(m_keywords.begin(), m_keywords.end(), folded);
    if (it != m_keywords.end())
        return static_cast<int>(it - m_keywords.begin());
    m_keywords.push_back(std::move(folded));
    return static_cast<int>(m_keywords.size() - 1);
}

void KeywordAutomaton::build()
{
    // Byte classes: one per distinct folded byte used by a keyword, 0 for the rest.
    m_class.fill(0);
    m_classCount = 1;
    std::array<std::uint8_t, 256> folded{};
    for (const auto& keyword : m_keywords) {
        for (const char c : keyword) {
            const auto b = static_cast<unsigned char>(c);
            if (folded[b] == 0)
                folded[b] = static_cast<std::uint8_t>(m_classCount++);
        }
    }
    for (int b = 0; b < 256; ++b)
        m_class[static_cast<std::size_t>(b)] =
            folded[static_cast<unsigned char>(lower(static_cast<char>(b)))];

    // Trie.
    std::vector<std::vector<std::int32_t>> children(1, std::vector<std::int32_t>(m_classCount, -1));
    std::vector<std::vector<int>> outputs(1);
    for (std::size_t id = 0; id < m_keywords.size(); ++id) {
        std::int32_t state = 0;
        for (const char c : m_keywords[id]) {
            const std::uint8_t cls = m_class[static_cast<unsigned char>(c)];
            if (children[static_cast<std::size_t>(state)][cls] < 0) {
                children[static_cast<std::size_t>(state)][cls] =
                    static_cast<std::int32_t>(children.size());
                children.emplace_back(m_classCount, -1);
                outputs.emplace_back();
            }
            state = children[static_cast<std::size_t>(state)][cls];
        }
        outputs[static_cast<std::size_t>(state)].push_back(static_cast<int>(id));
    }

    // Failure links by breadth-first order, folded into dense transitions.
    const std::size_t states = children.size();
    std::vector<std::int32_t> fail(states, 0);
    m_next.assign(states * m_classCount, 0);
    std::deque<std::int32_t> queue;
    for (std::size_t cls = 0; cls < m_classCount; ++cls) {
        const std::int32_t child = children[0][cls];
        if (child >= 0) {
            m_next[cls] = child;
            queue.push_back(child);
        }
    }
    while (!queue.empty()) {
        const std::int32_t state = queue.front();
        queue.pop_front();
        const auto s = static_cast<std::size_t>(state);
        const auto& failOut = outputs[static_cast<std::size_t>(fail[s])];
        outputs[s].insert(outputs[s].end(), failOut.begin(), failOut.end());
        for (std::size_t cls = 0; cls < m_classCount; ++cls) {
            const std::int32_t child = children[s][cls];
            const std::int32_t viaFail =
                m_next[static_cast<std::size_t>(fail[s]) * m_classCount + cls];
            if (child >= 0) {
                fail[static_cast<std::size_t>(child)] = viaFail;
                m_next[s * m_classCount + cls] = child;
                queue.push_back(child);
            } else {
                m_next[s * m_classCount + cls] = viaFail;
            }
        }
    }
    // Outputs flattened so scan() reads one contiguous array.
    m_outBegin.assign(states + 1, 0);
    m_out.clear();
    for (std::size_t s = 0; s < states; ++s) {
        m_outBegin[s] = static_cast<std::uint32_t>(m_out.size());
        m_out.insert(m_out.end(), outputs[s].begin(), outputs[s].end());
    }
    m_outBegin[states] = static_cast<std::uint32_t>(m_out.size());
}

} // namespace builder::review
