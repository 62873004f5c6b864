#pragma once

#include <functional>
#include <string>

namespace builder::executor {

// One piece of live output from a sandboxed run. `stream` is "stdout", "stderr"
// or "system" (the executor's own notes: commands, limits, truncation, warnings).
// `text` is always valid UTF-8: invalid bytes become U+FFFD and a multi-byte
// character is never split across two chunks.
struct OutputChunk
{
    std::string stream;
    std::string text;
};

// Called from the run's supervising thread; must not block for long (the
// sandbox's pipes fill while it runs).
using OutputSink = std::function<void(const OutputChunk&)>;

} // namespace builder::executor
