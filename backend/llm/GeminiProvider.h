#pragma once

#include "llm/HttpProvider.h"

namespace builder::llm {

// Google Gemini generateContent (POST {base}/v1beta/models/{model}:generateContent), the key in
// the x-goog-api-key header, never in the URL (URLs end up in proxy and server logs).
class GeminiProvider : public HttpProvider
{
public:
    static constexpr const char* kDefaultBaseUrl = "https://generativelanguage.googleapis.com";
    explicit GeminiProvider(EndpointSettings settings);

protected:
    common::Result<Wire> encode(const CompletionRequest& request,
                                const std::string& model) const override;
    common::Result<Decoded> decode(const QJsonObject& body,
                                   const CompletionRequest& request) const override;
    VendorError readError(const QJsonObject& body) const override;
};

} // namespace builder::llm
