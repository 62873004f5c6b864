#pragma once

#include "llm/PriceTable.h"
#include "llm/RetryPolicy.h"

#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace builder::llm {

// Everything one HTTP provider needs to reach its vendor: where, which key, which models,
// how long to wait and how often to retry.
struct EndpointSettings
{
    std::string name;    // "anthropic", "openai", "gemini", "openai-compatible"
    std::string baseUrl; // e.g. "https://api.anthropic.com" (a trailing "/v1" is tolerated)
    std::string apiKey;  // may be empty only for openai-compatible servers
    // Where the key and model come from, for error messages: "ANTHROPIC_API_KEY or
    // anthropic.api_key".
    std::string keySetting;
    std::string modelSetting;
    std::string defaultModel;                       // for stages without their own model
    std::map<std::string, std::string> stageModels; // stage -> model
    std::chrono::milliseconds timeout{300000};      // per HTTP attempt
    RetryPolicy retry;
    std::shared_ptr<const PriceTable> prices;

    // The model for `stage`: its own entry, else the default (may be empty).
    std::string modelFor(const std::string& stage) const
    {
        if (auto it = stageModels.find(stage); it != stageModels.end() && !it->second.empty())
            return it->second;
        return defaultModel;
    }
};

} // namespace builder::llm
