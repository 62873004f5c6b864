#pragma once

#include "common/Result.h"
#include "llm/CompletionResponse.h"

#include <string>
#include <vector>

namespace builder::llm {

// A file of recorded model answers keyed by stage + CompletionRequest::key(), for replaying a
// pipeline without a vendor (format in shared/docs/llm.md). Never holds keys or prompts.
class Cassette
{
public:
    static constexpr int kVersion = 1;

    struct Entry
    {
        std::string stage;
        std::string key; // CompletionRequest::key()
        std::string provider;
        std::string model;
        std::string response;
        TokenUsage usage;
        double costUsd = 0;
        std::int64_t latencyMs = 0;
    };

    // FailedPrecondition naming the file, and for a bad entry its index and field.
    static common::Result<Cassette> load(const std::string& path);
    // As load(), but a missing file is an empty cassette (recording starts one).
    static common::Result<Cassette> loadOrEmpty(const std::string& path);
    // Writes the whole cassette atomically (a temporary file renamed over the old one).
    common::Status save(const std::string& path) const;

    void append(Entry entry) { m_entries.push_back(std::move(entry)); }
    const std::vector<Entry>& entries() const { return m_entries; }

private:
    std::vector<Entry> m_entries;
};

} // namespace builder::llm
