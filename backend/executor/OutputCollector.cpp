#include "OutputCollector.h"

#include <algorithm>

namespace builder::executor {

OutputCollector::OutputCollector(const OutputSink& sink, std::uint64_t cap, std::size_t tailBytes)
    : m_sink(sink), m_cap(cap), m_tailBytes(tailBytes)
{}

void OutputCollector::add(bool isStderr, const char* data, std::size_t size)
{
    if (size == 0)
        return;
    m_total += size;
    keepTail(std::string_view(data, size));
    if (m_forwarded >= m_cap) {
        if (!m_truncated) {
            m_truncated = true;
            system("output truncated: more than " + std::to_string(m_cap) +
                   " bytes; the rest is dropped");
        }
        return;
    }
    const std::uint64_t room = m_cap - m_forwarded;
    const std::size_t kept = static_cast<std::size_t>(std::min<std::uint64_t>(room, size));
    m_forwarded += kept;
    Utf8Sanitizer& sanitizer = isStderr ? m_err : m_out;
    forward(isStderr, sanitizer.feed(std::string_view(data, kept)));
    if (kept < size) {
        forward(isStderr, sanitizer.flush());
        m_truncated = true;
        system("output truncated: more than " + std::to_string(m_cap) +
               " bytes; the rest is dropped");
    }
}

void OutputCollector::system(const std::string& text)
{
    if (m_sink)
        m_sink(OutputChunk{"system", Utf8Sanitizer::sanitize(text)});
}

void OutputCollector::finish()
{
    forward(false, m_out.flush());
    forward(true, m_err.flush());
}

std::string OutputCollector::tail() const
{
    return Utf8Sanitizer::sanitize(Utf8Sanitizer::tail(m_tail, m_tailBytes));
}

void OutputCollector::forward(bool isStderr, std::string text)
{
    if (text.empty() || !m_sink)
        return;
    m_sink(OutputChunk{isStderr ? "stderr" : "stdout", std::move(text)});
}

void OutputCollector::keepTail(std::string_view text)
{
    if (m_tailBytes == 0)
        return;
    if (text.size() >= m_tailBytes) {
        m_tail.assign(text.substr(text.size() - m_tailBytes));
        return;
    }
    m_tail.append(text);
    // Trim lazily so that appending stays amortised O(n).
    if (m_tail.size() > 2 * m_tailBytes)
        m_tail.erase(0, m_tail.size() - m_tailBytes);
}

} // namespace builder::executor
