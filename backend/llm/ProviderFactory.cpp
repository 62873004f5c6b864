#include "ProviderFactory.h"

#include "llm/AnthropicProvider.h"
#include "llm/FailingProvider.h"
#include "llm/FallbackChain.h"
#include "llm/GeminiProvider.h"
#include "llm/OpenAiProvider.h"
#include "llm/RecordingProvider.h"
#include "llm/ReplayProvider.h"
#include "llm/Stages.h"

namespace builder::llm {

using common::Error;
using common::StatusCode;

std::string ProviderFactory::defaultModel(const std::string& kind, const std::string& stage)
{
    const bool light = Stages::isLight(stage);
    if (kind == "anthropic")
        return light ? "claude-haiku-4-5" : "claude-sonnet-4-5";
    if (kind == "openai")
        return light ? "gpt-4.1-mini" : "gpt-4.1";
    if (kind == "gemini")
        return light ? "gemini-2.5-flash" : "gemini-2.5-pro";
    return {};
}

std::string ProviderFactory::officialBaseUrl(const std::string& kind)
{
    if (kind == "anthropic")
        return AnthropicProvider::kDefaultBaseUrl;
    if (kind == "openai")
        return OpenAiProvider::kDefaultBaseUrl;
    if (kind == "gemini")
        return GeminiProvider::kDefaultBaseUrl;
    return {};
}

std::string ProviderFactory::nothingConfiguredMessage()
{
    return "no LLM provider is configured: set ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY "
           "or OPENAI_COMPATIBLE_BASE_URL (or anthropic.api_key, openai.api_key, gemini.api_key, "
           "openai_compatible.base_url in the config file), or llm.replay to answer from a "
           "recorded cassette";
}

common::Result<EndpointSettings> ProviderFactory::endpoint(const ProviderConfig& config,
                                                           const std::string& kind, bool primary)
{
    const auto found = config.vendors.find(kind);
    const ProviderConfig::Vendor vendor =
        found == config.vendors.end() ? ProviderConfig::Vendor{} : found->second;
    if (!config.isConfigured(kind))
        return Error(StatusCode::FailedPrecondition,
                     "llm.providers lists " + kind + ", but " +
                         ProviderConfig::describeSetting(
                             kind, kind == "openai-compatible" ? "base_url" : "api_key") +
                         " is not set");

    EndpointSettings out;
    out.name = kind;
    out.baseUrl = vendor.baseUrl.empty() ? officialBaseUrl(kind) : vendor.baseUrl;
    out.apiKey = vendor.apiKey;
    out.keySetting = ProviderConfig::describeSetting(kind, "api_key");
    out.modelSetting = ProviderConfig::describeSetting(kind, "model");
    out.defaultModel = vendor.model.empty() ? defaultModel(kind, "generate_code") : vendor.model;
    std::vector<std::string> missing;
    for (const auto& stage : Stages::all()) {
        std::string model;
        if (auto it = vendor.stageModels.find(stage); it != vendor.stageModels.end())
            model = it->second;
        else if (auto it = config.stageModels.find(stage);
                 primary && it != config.stageModels.end())
            model = it->second;
        else if (!vendor.model.empty())
            model = vendor.model;
        else
            model = defaultModel(kind, stage);
        if (model.empty())
            missing.push_back(stage);
        out.stageModels[stage] = model;
    }
    if (!missing.empty())
        return Error(StatusCode::FailedPrecondition,
                     kind + " has no model for stage " + missing.front() + ": set " +
                         out.modelSetting + " (or the per-stage llm.model.<stage>)");
    out.timeout = std::chrono::seconds(config.timeoutSeconds);
    out.retry.maxAttempts = config.maxAttempts;
    out.retry.baseDelay = std::chrono::milliseconds(config.retryBaseMs);
    out.retry.maxDelay = std::chrono::milliseconds(config.retryMaxMs);
    out.retry.maxRetryAfter = std::chrono::seconds(config.maxRetryAfterSeconds);
    auto prices = std::make_shared<PriceTable>(PriceTable::builtin());
    for (const auto& [model, price] : config.priceOverrides)
        prices->setOverride(model, price);
    out.prices = prices;
    return out;
}

namespace {

std::shared_ptr<Provider> makeVendor(const std::string& kind, EndpointSettings settings,
                                     const ProviderConfig::Vendor& vendor)
{
    if (kind == "anthropic")
        return std::make_shared<AnthropicProvider>(std::move(settings));
    if (kind == "gemini")
        return std::make_shared<GeminiProvider>(std::move(settings));
    if (kind == "openai")
        return std::make_shared<OpenAiProvider>(std::move(settings), OpenAiProvider::Flavor::OpenAi,
                                                OpenAiProvider::ResponseFormat::JsonSchema);
    auto format = OpenAiProvider::ResponseFormat::JsonObject;
    if (vendor.responseFormat == "json_schema")
        format = OpenAiProvider::ResponseFormat::JsonSchema;
    else if (vendor.responseFormat == "none")
        format = OpenAiProvider::ResponseFormat::None;
    return std::make_shared<OpenAiProvider>(std::move(settings), OpenAiProvider::Flavor::Compatible,
                                            format);
}

} // namespace

common::Result<std::shared_ptr<Provider>> ProviderFactory::create(const ProviderConfig& config)
{
    if (!config.replayPath.empty()) {
        auto replay = ReplayProvider::open(config.replayPath);
        if (!replay.ok())
            return replay.error();
        return std::shared_ptr<Provider>(std::move(replay).value());
    }
    const auto kinds = config.chain();
    if (kinds.empty())
        return Error(StatusCode::FailedPrecondition, nothingConfiguredMessage());

    std::vector<std::shared_ptr<Provider>> providers;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        auto settings = endpoint(config, kinds[i], i == 0);
        if (!settings.ok())
            return settings.error();
        const auto vendor = config.vendors.find(kinds[i]);
        providers.push_back(
            makeVendor(kinds[i], std::move(settings).value(),
                       vendor == config.vendors.end() ? ProviderConfig::Vendor{} : vendor->second));
    }
    std::shared_ptr<Provider> provider =
        providers.size() == 1 ? providers.front()
                              : std::make_shared<FallbackChain>(std::move(providers));
    if (!config.recordPath.empty()) {
        auto recorder = RecordingProvider::open(provider, config.recordPath);
        if (!recorder.ok())
            return recorder.error();
        provider = std::move(recorder).value();
    }
    return provider;
}

std::shared_ptr<Provider> ProviderFactory::createOrFailing(const ProviderConfig& config)
{
    auto provider = create(config);
    if (provider.ok())
        return provider.value();
    return std::make_shared<FailingProvider>(provider.error());
}

std::shared_ptr<Provider>
ProviderFactory::fromSettings(const std::map<std::string, std::string>& file,
                              const std::map<std::string, std::string>& env)
{
    auto config = ProviderConfig::parse(file, env);
    if (!config.ok())
        return std::make_shared<FailingProvider>(config.error());
    return createOrFailing(config.value());
}

} // namespace builder::llm
