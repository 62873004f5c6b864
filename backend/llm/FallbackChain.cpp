#include "FallbackChain.h"

#include <optional>

namespace builder::llm {

using common::Error;
using common::StatusCode;

FallbackChain::FallbackChain(std::vector<std::shared_ptr<Provider>> providers)
    : m_providers(std::move(providers))
{}

std::string FallbackChain::name() const
{
    std::string out;
    for (const auto& provider : m_providers)
        out += (out.empty() ? "" : ">") + provider->name();
    return out;
}

bool FallbackChain::movesOn(StatusCode code)
{
    return code == StatusCode::Unavailable || code == StatusCode::DeadlineExceeded ||
           code == StatusCode::Unauthenticated;
}

common::Result<CompletionResponse> FallbackChain::complete(const CompletionRequest& request,
                                                           const common::CancelToken& cancel)
{
    if (m_providers.empty())
        return Error(StatusCode::FailedPrecondition, "the LLM fallback chain has no provider");
    std::string failures;
    std::optional<Error> last;
    bool anyUnavailable = false;
    bool anyDeadline = false;
    for (const auto& provider : m_providers) {
        if (auto reason = cancel.reason())
            return *reason;
        auto result = provider->complete(request, cancel);
        if (result.ok() || !movesOn(result.error().code()))
            return result;
        anyUnavailable |= result.error().code() == StatusCode::Unavailable;
        anyDeadline |= result.error().code() == StatusCode::DeadlineExceeded;
        failures += (failures.empty() ? "" : "; ") + result.error().message();
        last = result.error();
    }
    if (m_providers.size() == 1)
        return *last;
    // The most hopeful code wins: Unavailable is retried by the job queue, a key error is not.
    const StatusCode code = anyUnavailable ? StatusCode::Unavailable
                            : anyDeadline  ? StatusCode::DeadlineExceeded
                                           : StatusCode::Unauthenticated;
    return Error(code, "every LLM provider failed: " + failures);
}

} // namespace builder::llm
