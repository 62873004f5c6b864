#pragma once

#include "llm/Cassette.h"
#include "llm/Provider.h"

#include <map>
#include <mutex>

namespace builder::llm {

// Answers from a cassette, never from the network. Entries sharing a stage and key answer
// successive calls in recorded order; the last one keeps answering after that. Thread-safe.
class ReplayProvider : public Provider
{
public:
    ReplayProvider(Cassette cassette, std::string path);
    // FailedPrecondition when the file cannot be read or is malformed.
    static common::Result<std::shared_ptr<ReplayProvider>> open(const std::string& path);

    std::string name() const override { return "replay"; }
    // NotFound "no recording for stage X key Y in <file>" on a miss. Costs nothing.
    common::Result<CompletionResponse> complete(const CompletionRequest& request,
                                                const common::CancelToken& cancel) override;

private:
    Cassette m_cassette;
    std::string m_path;
    std::mutex m_mutex;
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> m_index;
    std::map<std::pair<std::string, std::string>, std::size_t> m_used;
};

} // namespace builder::llm
