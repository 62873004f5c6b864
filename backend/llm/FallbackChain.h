#pragma once

#include "llm/Provider.h"

#include <memory>
#include <vector>

namespace builder::llm {

// Asks several providers in order: moves to the next when one is unreachable (Unavailable),
// too slow (DeadlineExceeded) or refuses its key (Unauthenticated). Never on Cancelled or on
// InvalidArgument (the next vendor would be asked the same bad thing), nor on anything else.
class FallbackChain : public Provider
{
public:
    explicit FallbackChain(std::vector<std::shared_ptr<Provider>> providers);

    // "anthropic>openai"
    std::string name() const override;
    common::Result<CompletionResponse> complete(const CompletionRequest& request,
                                                const common::CancelToken& cancel) override;
    const std::vector<std::shared_ptr<Provider>>& providers() const { return m_providers; }

    static bool movesOn(common::StatusCode code);

private:
    std::vector<std::shared_ptr<Provider>> m_providers;
};

} // namespace builder::llm
