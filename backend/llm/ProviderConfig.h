#pragma once

#include "common/Result.h"
#include "llm/PriceTable.h"

#include <map>
#include <string>
#include <vector>

namespace builder::llm {

// The LLM settings of builderd, read from its config file (key = value) and the environment,
// the environment winning (as for every builderd setting). Key names in shared/docs/llm.md.
struct ProviderConfig
{
    // One vendor's settings as configured (<kind>.base_url, <kind>.api_key, ...).
    struct Vendor
    {
        std::string baseUrl; // empty: the vendor's official URL
        std::string apiKey;
        std::string model;                              // every stage
        std::map<std::string, std::string> stageModels; // <kind>.model.<stage>
        std::string responseFormat;                     // openai-compatible only
    };

    static const std::vector<std::string>& kinds(); // anthropic, openai, gemini, openai-compatible

    std::vector<std::string> providers;             // llm.providers; empty = every configured one
    std::map<std::string, Vendor> vendors;          // by kind
    std::map<std::string, std::string> stageModels; // llm.model.<stage>: the first provider's
    std::map<std::string, PriceTable::Price> priceOverrides; // llm.price.<model>
    int timeoutSeconds = 300;
    int maxAttempts = 4;
    int retryBaseMs = 1000;
    int retryMaxMs = 30000;
    int maxRetryAfterSeconds = 60;
    std::string replayPath; // llm.replay
    std::string recordPath; // llm.record

    // Whether `kind` has what it needs: an API key, or for openai-compatible a base URL.
    bool isConfigured(const std::string& kind) const;
    // The providers of the fallback chain in order: llm.providers, else every configured vendor
    // in the order of kinds().
    std::vector<std::string> chain() const;

    // `file` holds config-file settings (keys outside the LLM prefixes are ignored, unknown keys
    // inside them are errors); `env` the environment (unknown names ignored, empty values unset).
    // A malformed value is FailedPrecondition naming the key or variable and the rule.
    static common::Result<ProviderConfig> parse(const std::map<std::string, std::string>& file,
                                                const std::map<std::string, std::string>& env);
    static std::map<std::string, std::string> processEnvironment();
    // True for keys this struct reads: llm.*, anthropic.*, openai.*, gemini.*, openai_compatible.*
    static bool isLlmSetting(const std::string& key);
    // The config key an environment variable stands for ("" when none):
    // ANTHROPIC_API_KEY -> anthropic.api_key, BUILDER_LLM_MODEL_REVIEW -> llm.model.review.
    static std::string keyForEnvironment(const std::string& name);
    // "ANTHROPIC_API_KEY or anthropic.api_key" for messages.
    static std::string describeSetting(const std::string& kind, const std::string& field);
};

} // namespace builder::llm
