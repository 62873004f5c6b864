#include "OutputEvents.h"

#include "core/EventRecorder.h"

namespace builder::pipeline {

namespace {
constexpr std::size_t kFlushBytes = 8 * 1024;
constexpr auto kFlushEvery = std::chrono::milliseconds(250);
} // namespace

OutputEvents::OutputEvents(RunContext& ctx, std::string phase)
    : m_ctx(ctx), m_phase(std::move(phase)), m_flusher([this] { loop(); })
{}

OutputEvents::~OutputEvents()
{
    finish();
}

executor::OutputSink OutputEvents::sink()
{
    return [this](const executor::OutputChunk& chunk) { append(chunk); };
}

void OutputEvents::append(const executor::OutputChunk& chunk)
{
    std::unique_lock lock(m_mutex);
    if (!m_buffer.empty() && chunk.stream != m_stream)
        flushLocked(lock);
    m_stream = chunk.stream;
    m_buffer += chunk.text;
    // The executor's own notes are single lines without their newline.
    if (chunk.stream == "system" && (chunk.text.empty() || chunk.text.back() != '\n'))
        m_buffer += '\n';
    if (m_buffer.size() >= kFlushBytes)
        flushLocked(lock);
}

void OutputEvents::flushLocked(std::unique_lock<std::mutex>& lock)
{
    if (m_buffer.empty())
        return;
    // The event is written under the lock so that chunks keep their order; a
    // write takes a millisecond or so, well within what the pipes buffer.
    (void)lock;
    std::string text;
    text.swap(m_buffer);
    const auto& stream = m_stream;
    // Summaries stay one line; the payload carries the chunk as it was.
    auto firstLine = text.substr(0, text.find('\n'));
    if (firstLine.size() > 120)
        firstLine = firstLine.substr(0, 117) + "...";
    (void)m_ctx.event(
        "sandbox.output", m_phase + " " + stream + ": " + firstLine,
        core::EventRecorder::payload({{"phase", m_phase}, {"stream", stream}, {"chunk", text}}));
}

void OutputEvents::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, kFlushEvery, [this] { return m_stopping; });
        flushLocked(lock);
    }
}

void OutputEvents::finish()
{
    {
        std::unique_lock lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
        flushLocked(lock);
    }
    m_wake.notify_all();
    if (m_flusher.joinable())
        m_flusher.join();
}

} // namespace builder::pipeline
