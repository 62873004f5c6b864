#pragma once

#include "llm/EndpointSettings.h"
#include "llm/Provider.h"
#include "llm/ProviderConfig.h"

#include <memory>

namespace builder::llm {

// Builds the Provider the pipeline calls from a ProviderConfig: a replay cassette, or the
// fallback chain of configured vendors (wrapped in a recorder when llm.record is set).
class ProviderFactory
{
public:
    // FailedPrecondition when nothing is configured (naming the settings to set), when
    // llm.providers lists a vendor without its key, or when a cassette cannot be read.
    static common::Result<std::shared_ptr<Provider>> create(const ProviderConfig& config);
    // Never null: on error, a FailingProvider that answers every call with that error, so that
    // builderd runs without LLM settings and each LLM stage says what to configure.
    static std::shared_ptr<Provider> createOrFailing(const ProviderConfig& config);
    // parse() then createOrFailing(); a malformed setting also becomes the failing answer.
    static std::shared_ptr<Provider> fromSettings(const std::map<std::string, std::string>& file,
                                                  const std::map<std::string, std::string>& env);

    // The resolved settings of one vendor; `primary` = first in the chain (llm.model.<stage>
    // applies to it). Model precedence per stage: <kind>.model.<stage>, llm.model.<stage>
    // (primary only), <kind>.model, then the built-in default.
    static common::Result<EndpointSettings> endpoint(const ProviderConfig& config,
                                                     const std::string& kind, bool primary);
    // Built-in models: a vendor's strong model for planning, code and review, its light one
    // for normalize_spec and analyze_impact; "" for openai-compatible (no sensible guess).
    static std::string defaultModel(const std::string& kind, const std::string& stage);
    static std::string officialBaseUrl(const std::string& kind);
    // The message when nothing is configured.
    static std::string nothingConfiguredMessage();
};

} // namespace builder::llm
