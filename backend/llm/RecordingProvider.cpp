#include "RecordingProvider.h"

#include <QtGlobal>

namespace builder::llm {

using common::Error;

RecordingProvider::RecordingProvider(std::shared_ptr<Provider> inner, Cassette cassette,
                                     std::string path)
    : m_inner(std::move(inner)), m_cassette(std::move(cassette)), m_path(std::move(path))
{}

common::Result<std::shared_ptr<RecordingProvider>>
RecordingProvider::open(std::shared_ptr<Provider> inner, const std::string& path)
{
    auto cassette = Cassette::loadOrEmpty(path);
    if (!cassette.ok())
        return Error(cassette.error().code(), "llm.record: " + cassette.error().message());
    return std::make_shared<RecordingProvider>(std::move(inner), std::move(cassette).value(), path);
}

common::Result<CompletionResponse> RecordingProvider::complete(const CompletionRequest& request,
                                                               const common::CancelToken& cancel)
{
    auto result = m_inner->complete(request, cancel);
    if (!result.ok())
        return result;
    Cassette::Entry entry;
    entry.stage = request.stage;
    entry.key = request.key();
    entry.provider = result->provider;
    entry.model = result->model;
    entry.response = result->text;
    entry.usage = result->usage;
    entry.costUsd = result->costUsd;
    entry.latencyMs = result->latencyMs;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_cassette.append(std::move(entry));
    if (auto saved = m_cassette.save(m_path); !saved.ok())
        qWarning("llm.record: %s", saved.error().message().c_str());
    return result;
}

} // namespace builder::llm
