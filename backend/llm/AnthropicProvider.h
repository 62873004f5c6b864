#pragma once

#include "llm/HttpProvider.h"

namespace builder::llm {

// Anthropic Messages API (POST {base}/v1/messages). Structured output goes through one forced
// tool whose input_schema is the stage's schema; its tool_use input is the JSON answer.
class AnthropicProvider : public HttpProvider
{
public:
    static constexpr const char* kVersion = "2023-06-01";
    static constexpr const char* kDefaultBaseUrl = "https://api.anthropic.com";
    explicit AnthropicProvider(EndpointSettings settings);

    // The tool name used for a stage ("builder_output" when the stage name does not fit
    // Anthropic's tool-name rule).
    static std::string toolName(const std::string& stage);

protected:
    common::Result<Wire> encode(const CompletionRequest& request,
                                const std::string& model) const override;
    common::Result<Decoded> decode(const QJsonObject& body,
                                   const CompletionRequest& request) const override;
    VendorError readError(const QJsonObject& body) const override;
};

} // namespace builder::llm
