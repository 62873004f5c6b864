#pragma once

#include "llm/Cassette.h"
#include "llm/Provider.h"

#include <memory>
#include <mutex>

namespace builder::llm {

// Passes calls to another provider and appends every successful exchange to a cassette,
// rewriting the file atomically each time. Records stage, key, provider, model, answer and
// usage: never a key, header or prompt. Thread-safe.
class RecordingProvider : public Provider
{
public:
    // Appends to the cassette at `path` if it exists; FailedPrecondition when it is malformed.
    static common::Result<std::shared_ptr<RecordingProvider>> open(std::shared_ptr<Provider> inner,
                                                                   const std::string& path);
    RecordingProvider(std::shared_ptr<Provider> inner, Cassette cassette, std::string path);

    std::string name() const override { return m_inner->name(); }
    // The inner answer. A cassette that cannot be written is reported with qWarning (the answer
    // was paid for and is still returned).
    common::Result<CompletionResponse> complete(const CompletionRequest& request,
                                                const common::CancelToken& cancel) override;

private:
    std::shared_ptr<Provider> m_inner;
    std::mutex m_mutex;
    Cassette m_cassette;
    std::string m_path;
};

} // namespace builder::llm
