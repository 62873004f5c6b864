#pragma once

#include "llm/Provider.h"

#include <deque>
#include <mutex>
#include <vector>

namespace builder::llm::test {

// A Provider answering from a list of results, remembering every request: for testing what
// sits on top of providers (structured calls, fallback) without the network.
class ScriptedProvider : public Provider
{
public:
    explicit ScriptedProvider(std::string name) : m_name(std::move(name)) {}

    void add(common::Result<CompletionResponse> result) { m_results.push_back(std::move(result)); }
    void addText(const std::string& text)
    {
        CompletionResponse response;
        response.provider = m_name;
        response.model = "scripted";
        response.text = text;
        response.usage = {10, 5};
        add(response);
    }
    void addError(common::StatusCode code, const std::string& message)
    {
        add(common::Error(code, message));
    }

    std::string name() const override { return m_name; }
    common::Result<CompletionResponse> complete(const CompletionRequest& request,
                                                const common::CancelToken&) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_requests.push_back(request);
        if (m_results.empty())
            return common::Error(common::StatusCode::Internal, m_name + ": script exhausted");
        auto result = std::move(m_results.front());
        m_results.pop_front();
        return result;
    }
    std::vector<CompletionRequest> requests() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_requests;
    }

private:
    std::string m_name;
    mutable std::mutex m_mutex;
    std::deque<common::Result<CompletionResponse>> m_results;
    std::vector<CompletionRequest> m_requests;
};

} // namespace builder::llm::test
