#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "llm/CompletionRequest.h"
#include "llm/CompletionResponse.h"

#include <string>

namespace builder::llm {

// A source of model completions: one vendor, a fallback chain, a replay cassette.
class Provider
{
public:
    virtual ~Provider() = default;
    virtual std::string name() const = 0;
    // Blocking; called from plain std::thread worker threads (no Qt event loop running there).
    // Errors: Cancelled (token), DeadlineExceeded (call timeout), Unavailable (network, 5xx, 429
    // after retries), Unauthenticated (401/403), InvalidArgument (request or answer refused),
    // NotFound (replay miss), FailedPrecondition (configuration).
    virtual common::Result<CompletionResponse> complete(const CompletionRequest& request,
                                                        const common::CancelToken& cancel) = 0;
};

} // namespace builder::llm
