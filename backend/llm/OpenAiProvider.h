#pragma once

#include "llm/HttpProvider.h"

namespace builder::llm {

// OpenAI Chat Completions (POST {base}/v1/chat/completions), and through the same code any
// OpenAI-compatible server (Ollama, llama.cpp server, vLLM) found by its base URL, key optional.
class OpenAiProvider : public HttpProvider
{
public:
    static constexpr const char* kDefaultBaseUrl = "https://api.openai.com";

    enum class Flavor
    {
        OpenAi,     // provider "openai": max_completion_tokens, json_schema response format
        Compatible, // provider "openai-compatible": max_tokens, chosen response format
    };
    // How a schema is asked for: the schema itself, "some JSON object", or prompt only.
    enum class ResponseFormat
    {
        JsonSchema,
        JsonObject,
        None,
    };

    OpenAiProvider(EndpointSettings settings, Flavor flavor, ResponseFormat format);

    // Whether OpenAI's strict mode accepts the schema: every object closed with
    // additionalProperties:false and all its properties required, only keywords strict mode knows.
    static bool isStrictCompatible(const QJsonObject& schema);

protected:
    common::Result<Wire> encode(const CompletionRequest& request,
                                const std::string& model) const override;
    common::Result<Decoded> decode(const QJsonObject& body,
                                   const CompletionRequest& request) const override;
    VendorError readError(const QJsonObject& body) const override;

private:
    Flavor m_flavor;
    ResponseFormat m_format;
};

} // namespace builder::llm
