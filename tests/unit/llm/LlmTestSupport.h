#pragma once

// Helpers shared by the LLM unit tests: providers pointed at a FakeLlmServer with fast
// retries, and the plan schema most tests ask for.
#include "FakeLlmServer.h"
#include "llm/AnthropicProvider.h"
#include "llm/GeminiProvider.h"
#include "llm/OpenAiProvider.h"
#include "llm/ProviderConfig.h"
#include "llm/ProviderFactory.h"

#include <chrono>
#include <memory>
#include <string>

namespace builder::llm::test {

inline constexpr const char* kKey = "sk-test-0123456789abcdef";

inline EndpointSettings fakeEndpoint(const fakes::FakeLlmServer& server, const std::string& kind,
                                     const std::string& key = kKey)
{
    EndpointSettings s;
    s.name = kind;
    s.baseUrl = server.baseUrl();
    s.apiKey = key;
    s.keySetting = ProviderConfig::describeSetting(kind, "api_key");
    s.modelSetting = ProviderConfig::describeSetting(kind, "model");
    s.defaultModel = kind == "openai-compatible"
                         ? "llama3.1:8b"
                         : ProviderFactory::defaultModel(kind, "generate_code");
    s.timeout = std::chrono::seconds(10);
    s.retry.maxAttempts = 4;
    s.retry.baseDelay = std::chrono::milliseconds(10);
    s.retry.maxDelay = std::chrono::milliseconds(40);
    s.prices = std::make_shared<PriceTable>(PriceTable::builtin());
    return s;
}

inline std::shared_ptr<Provider> makeProvider(const std::string& kind, EndpointSettings settings)
{
    if (kind == "anthropic")
        return std::make_shared<AnthropicProvider>(std::move(settings));
    if (kind == "gemini")
        return std::make_shared<GeminiProvider>(std::move(settings));
    if (kind == "openai")
        return std::make_shared<OpenAiProvider>(std::move(settings), OpenAiProvider::Flavor::OpenAi,
                                                OpenAiProvider::ResponseFormat::JsonSchema);
    return std::make_shared<OpenAiProvider>(std::move(settings), OpenAiProvider::Flavor::Compatible,
                                            OpenAiProvider::ResponseFormat::JsonObject);
}

inline CompletionRequest simpleRequest(const std::string& stage = "generate_plan")
{
    CompletionRequest request;
    request.stage = stage;
    request.system = "You plan software changes.";
    request.messages = {{Role::User, "Add a --verbose flag."}};
    return request;
}

inline const char* kPlanSchema = R"({
  "type": "object",
  "properties": {
    "summary": {"type": "string", "minLength": 1},
    "steps": {"type": "array", "minItems": 1, "items": {
      "type": "object",
      "properties": {"kind": {"type": "string", "enum": ["edit", "create"]},
                     "file": {"type": "string"}},
      "required": ["kind", "file"], "additionalProperties": false}}
  },
  "required": ["summary", "steps"],
  "additionalProperties": false
})";

inline const char* kValidPlan =
    R"({"summary":"add flag","steps":[{"kind":"edit","file":"src/main.cpp"}]})";

} // namespace builder::llm::test
