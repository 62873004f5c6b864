#pragma once

#include <string>
#include <string_view>

namespace builder::webhook {

// HMAC-SHA256 signatures of webhook bodies in GitHub's header format,
// "sha256=<lowercase hex>": outgoing ones (X-Builder-Signature-256) and the
// check of incoming ones (X-Hub-Signature-256).
class WebhookSignature
{
public:
    static constexpr const char* kOutgoingHeader = "X-Builder-Signature-256";
    static constexpr const char* kGithubHeader = "X-Hub-Signature-256";

    // "sha256=" followed by the hex MAC of `body` under `secret`.
    static std::string sign(std::string_view secret, std::string_view body);
    // True when `header` is exactly sign(secret, body); compared in constant
    // time, so the answer's timing reveals nothing about the right MAC.
    static bool verify(std::string_view secret, std::string_view body, std::string_view header);
};

} // namespace builder::webhook
