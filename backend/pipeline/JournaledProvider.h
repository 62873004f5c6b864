#pragma once

#include "Journal.h"
#include "llm/Provider.h"

#include <functional>
#include <memory>
#include <string>

namespace builder::pipeline {

// Puts the journal in front of a Provider: every response is journaled (with
// its llm.call event and the execution's usage, in one transaction) before the
// caller sees it, and a resumed execution gets the journaled answer back
// instead of paying for the call again. Calls are keyed by stage, scope and
// their order within the scope ("llm/generate_code/step-002#1"), which a
// resumed execution reproduces because everything it asks follows from what
// the journal already holds. Before each new call the execution's cost is held
// against its budget.
class JournaledProvider : public llm::Provider
{
public:
    // `stopCheck` (may be empty) is asked before every new call: the kill switch.
    JournaledProvider(std::shared_ptr<llm::Provider> inner, Journal& journal, std::string scope,
                      double budgetUsd, std::function<common::Status()> stopCheck = {});

    std::string name() const override;
    common::Result<llm::CompletionResponse> complete(const llm::CompletionRequest& request,
                                                     const common::CancelToken& cancel) override;

    // The key prefix of a stage and scope: what a retry copies to reuse it.
    static std::string keyPrefix(const std::string& stage, const std::string& scope);
    int calls() const { return m_calls; }
    int replayed() const { return m_replayed; }

    static std::string encode(const llm::CompletionResponse& response,
                              const std::string& requestKey);
    static std::optional<llm::CompletionResponse> decode(const std::string& text);

private:
    std::shared_ptr<llm::Provider> m_inner;
    Journal& m_journal;
    std::string m_scope;
    double m_budgetUsd;
    std::function<common::Status()> m_stopCheck;
    int m_calls = 0;
    int m_replayed = 0;
};

} // namespace builder::pipeline
