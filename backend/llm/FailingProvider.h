#pragma once

#include "llm/Provider.h"

namespace builder::llm {

// Answers every call with one fixed error: what builderd runs with when the LLM configuration
// is missing or wrong, so that the API still starts and each LLM stage fails with the reason.
class FailingProvider : public Provider
{
public:
    explicit FailingProvider(common::Error error) : m_error(std::move(error)) {}
    std::string name() const override { return "unconfigured"; }
    common::Result<CompletionResponse> complete(const CompletionRequest&,
                                                const common::CancelToken&) override
    {
        return m_error;
    }

private:
    common::Error m_error;
};

} // namespace builder::llm
