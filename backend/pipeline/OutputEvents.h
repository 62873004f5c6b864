#pragma once

#include "RunContext.h"
#include "executor/OutputChunk.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace builder::pipeline {

// Turns the sandbox's live output into `sandbox.output` events: chunks are
// gathered per stream and flushed every quarter second or every 8 KiB, so a
// chatty build costs a few events a second, not one per line.
class OutputEvents
{
public:
    OutputEvents(RunContext& ctx, std::string phase);
    ~OutputEvents();
    OutputEvents(const OutputEvents&) = delete;
    OutputEvents& operator=(const OutputEvents&) = delete;

    executor::OutputSink sink();
    void finish();

private:
    void append(const executor::OutputChunk& chunk);
    void flushLocked(std::unique_lock<std::mutex>& lock);
    void loop();

    RunContext& m_ctx;
    std::string m_phase;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::string m_stream;
    std::string m_buffer;
    bool m_stopping = false;
    std::thread m_flusher;
};

} // namespace builder::pipeline
