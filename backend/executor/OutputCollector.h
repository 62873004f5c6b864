#pragma once

#include "executor/OutputChunk.h"
#include "executor/Utf8Sanitizer.h"

#include <cstdint>
#include <string>

namespace builder::executor {

// Applies the output cap of one run: forwards stdout/stderr to the sink as valid
// UTF-8 until `cap` bytes went through, then drops the rest (the process keeps
// running; its pipes are still drained) and says so once on the "system" stream.
// The tail of everything produced, cut bytes included, is kept for reports.
class OutputCollector
{
public:
    OutputCollector(const OutputSink& sink, std::uint64_t cap, std::size_t tailBytes);

    void add(bool isStderr, const char* data, std::size_t size);
    void system(const std::string& text);
    // Flushes characters held back at a read boundary.
    void finish();

    bool truncated() const { return m_truncated; }
    std::uint64_t totalBytes() const { return m_total; }
    std::string tail() const;

private:
    void forward(bool isStderr, std::string text);
    void keepTail(std::string_view text);

    const OutputSink& m_sink;
    std::uint64_t m_cap;
    std::size_t m_tailBytes;
    std::uint64_t m_total = 0;
    std::uint64_t m_forwarded = 0;
    bool m_truncated = false;
    Utf8Sanitizer m_out;
    Utf8Sanitizer m_err;
    std::string m_tail;
};

} // namespace builder::executor
