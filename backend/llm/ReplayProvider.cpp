#include "ReplayProvider.h"

#include <chrono>

namespace builder::llm {

using common::Error;
using common::StatusCode;

ReplayProvider::ReplayProvider(Cassette cassette, std::string path)
    : m_cassette(std::move(cassette)), m_path(std::move(path))
{
    const auto& entries = m_cassette.entries();
    for (std::size_t i = 0; i < entries.size(); ++i)
        m_index[{entries[i].stage, entries[i].key}].push_back(i);
}

common::Result<std::shared_ptr<ReplayProvider>> ReplayProvider::open(const std::string& path)
{
    auto cassette = Cassette::load(path);
    if (!cassette.ok())
        return Error(cassette.error().code(), "llm.replay: " + cassette.error().message());
    return std::make_shared<ReplayProvider>(std::move(cassette).value(), path);
}

common::Result<CompletionResponse> ReplayProvider::complete(const CompletionRequest& request,
                                                            const common::CancelToken& cancel)
{
    if (auto reason = cancel.reason())
        return *reason;
    const auto started = std::chrono::steady_clock::now();
    const std::pair<std::string, std::string> id{request.stage, request.key()};
    std::size_t index = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto found = m_index.find(id);
        if (found == m_index.end())
            return Error(StatusCode::NotFound, "no recording for stage " + id.first + " key " +
                                                   id.second + " in " + m_path);
        std::size_t& used = m_used[id];
        index = found->second[std::min(used, found->second.size() - 1)];
        ++used;
    }
    const Cassette::Entry& entry = m_cassette.entries()[index];
    CompletionResponse out;
    out.provider = "replay";
    out.model = entry.model;
    out.text = entry.response;
    out.usage = entry.usage;
    out.costUsd = 0;
    out.latencyMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    return out;
}

} // namespace builder::llm
