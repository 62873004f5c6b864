#pragma once

#include "FakeReply.h"
#include "FakeRequest.h"

#include <optional>

namespace builder::fakes {

// The bytes of one fake HTTP response, ready for the socket.
struct FakeResponse
{
    int status = 200;
    FakeReply::HeaderList headers;
    QByteArray body;
    bool truncate = false;   // promise more bytes than the body, then close
    bool disconnect = false; // send nothing, close
    std::chrono::milliseconds delay{0};
};

// Each vendor's response and error shapes, and its authentication rules.
struct FakeWire
{
    // The vendor's refusal when the request lacks the expected key (or, for Anthropic, the
    // anthropic-version header); nullopt when it may pass. An empty `apiKey` accepts anything.
    //   Anthropic: x-api-key; 401 authentication_error.
    //   OpenAI: Authorization: Bearer; 401 invalid_request_error / invalid_api_key.
    //   Gemini: x-goog-api-key header or ?key=; missing 403 PERMISSION_DENIED, wrong 400
    //   INVALID_ARGUMENT with reason API_KEY_INVALID (what Google really answers).
    static std::optional<FakeReply> checkAuth(const FakeRequest& request,
                                              const std::string& apiKey);
    static FakeResponse render(const FakeReply& reply, const FakeRequest& request);
    static FakeReply notFound(const FakeRequest& request);
    static const char* reasonPhrase(int status);
};

} // namespace builder::fakes
