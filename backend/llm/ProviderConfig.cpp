#include "ProviderConfig.h"

#include "common/SettingText.h"
#include "llm/Stages.h"

#include <QProcessEnvironment>
#include <QUrl>

#include <algorithm>
#include <cctype>

namespace builder::llm {

using common::Error;
using common::StatusCode;

namespace {

// Config-key prefix of a vendor kind: "openai-compatible" -> "openai_compatible".
std::string prefixOf(const std::string& kind)
{
    std::string out = kind;
    std::replace(out.begin(), out.end(), '-', '_');
    return out;
}

std::string upper(std::string s)
{
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s)
{
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool parseInt(const std::string& text, int low, int high, int& out)
{
    const auto value = common::SettingText::integer(text);
    if (!value || *value < low || *value > high)
        return false;
    out = static_cast<int>(*value);
    return true;
}

bool parsePrice(const std::string& text, PriceTable::Price& out)
{
    const auto comma = text.find(',');
    if (comma == std::string::npos)
        return false;
    const auto in = common::SettingText::number(trim(text.substr(0, comma)));
    const auto outPrice = common::SettingText::number(trim(text.substr(comma + 1)));
    if (!in || !outPrice || *in < 0 || *outPrice < 0)
        return false;
    out.inputPerMillion = *in;
    out.outputPerMillion = *outPrice;
    return true;
}

std::string normaliseKind(const std::string& name)
{
    std::string kind = lower(trim(name));
    std::replace(kind.begin(), kind.end(), '_', '-');
    return kind;
}

// Never called for api_key settings: their value must not reach a message.
Error bad(const std::string& where, const std::string& rule, const std::string& value)
{
    return Error(StatusCode::FailedPrecondition, where + " " + rule + " (got \"" + value + "\")");
}

using Setting = std::pair<std::string, std::string>; // value, where it came from

common::Status applyVendor(ProviderConfig& config, const std::string& kind,
                           const std::string& field, const std::string& value,
                           const std::string& where)
{
    auto& vendor = config.vendors[kind];
    if (field == "api_key") {
        vendor.apiKey = value;
    } else if (field == "base_url") {
        const QUrl url(QString::fromStdString(value), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != "http" && url.scheme() != "https") ||
            url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery())
            return bad(where, "must be an http:// or https:// URL with a host and no query", value);
        vendor.baseUrl = value;
    } else if (field == "model") {
        vendor.model = value;
    } else if (field.rfind("model.", 0) == 0) {
        const std::string stage = field.substr(6);
        if (!Stages::isKnown(stage))
            return bad(where, "names an unknown stage; known stages: " + Stages::list(), stage);
        vendor.stageModels[stage] = value;
    } else if (field == "response_format" && kind == "openai-compatible") {
        if (value != "json_schema" && value != "json_object" && value != "none")
            return bad(where, "must be json_schema, json_object or none", value);
        vendor.responseFormat = value;
    } else {
        return Error(StatusCode::FailedPrecondition, "unknown LLM setting " + where);
    }
    return {};
}

common::Status apply(ProviderConfig& config, const std::string& key, const std::string& value,
                     const std::string& where)
{
    for (const auto& kind : ProviderConfig::kinds()) {
        const std::string prefix = prefixOf(kind) + ".";
        if (key.rfind(prefix, 0) == 0)
            return applyVendor(config, kind, key.substr(prefix.size()), value, where);
    }
    if (key == "llm.providers") {
        config.providers.clear();
        std::size_t start = 0;
        while (start <= value.size()) {
            const auto comma = std::min(value.find(',', start), value.size());
            const std::string kind = normaliseKind(value.substr(start, comma - start));
            const auto& kinds = ProviderConfig::kinds();
            if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
                return bad(where,
                           "lists an unknown provider (known: anthropic, openai, gemini, "
                           "openai-compatible)",
                           kind);
            if (std::find(config.providers.begin(), config.providers.end(), kind) !=
                config.providers.end())
                return bad(where, "lists a provider twice", kind);
            config.providers.push_back(kind);
            start = comma + 1;
        }
    } else if (key.rfind("llm.model.", 0) == 0) {
        const std::string stage = key.substr(10);
        if (!Stages::isKnown(stage))
            return bad(where, "names an unknown stage; known stages: " + Stages::list(), stage);
        config.stageModels[stage] = value;
    } else if (key.rfind("llm.price.", 0) == 0 && key.size() > 10) {
        PriceTable::Price price;
        if (!parsePrice(value, price))
            return bad(where, "must be \"<input>,<output>\": USD per million tokens, not negative",
                       value);
        config.priceOverrides[key.substr(10)] = price;
    } else if (key == "llm.timeout_seconds") {
        if (!parseInt(value, 1, 3600, config.timeoutSeconds))
            return bad(where, "must be a whole number of seconds from 1 to 3600", value);
    } else if (key == "llm.max_attempts") {
        if (!parseInt(value, 1, 10, config.maxAttempts))
            return bad(where, "must be a whole number from 1 to 10", value);
    } else if (key == "llm.retry_base_ms") {
        if (!parseInt(value, 0, 60000, config.retryBaseMs))
            return bad(where, "must be a whole number of milliseconds from 0 to 60000", value);
    } else if (key == "llm.retry_max_ms") {
        if (!parseInt(value, 0, 600000, config.retryMaxMs))
            return bad(where, "must be a whole number of milliseconds from 0 to 600000", value);
    } else if (key == "llm.max_retry_after_seconds") {
        if (!parseInt(value, 0, 3600, config.maxRetryAfterSeconds))
            return bad(where, "must be a whole number of seconds from 0 to 3600", value);
    } else if (key == "llm.replay") {
        config.replayPath = value;
    } else if (key == "llm.record") {
        config.recordPath = value;
    } else {
        return Error(StatusCode::FailedPrecondition, "unknown LLM setting " + where);
    }
    return {};
}

} // namespace

const std::vector<std::string>& ProviderConfig::kinds()
{
    static const std::vector<std::string> kKinds = {"anthropic", "openai", "gemini",
                                                    "openai-compatible"};
    return kKinds;
}

bool ProviderConfig::isConfigured(const std::string& kind) const
{
    auto it = vendors.find(kind);
    if (it == vendors.end())
        return false;
    return kind == "openai-compatible" ? !it->second.baseUrl.empty() : !it->second.apiKey.empty();
}

std::vector<std::string> ProviderConfig::chain() const
{
    if (!providers.empty())
        return providers;
    std::vector<std::string> out;
    for (const auto& kind : kinds())
        if (isConfigured(kind))
            out.push_back(kind);
    return out;
}

bool ProviderConfig::isLlmSetting(const std::string& key)
{
    if (key.rfind("llm.", 0) == 0)
        return true;
    for (const auto& kind : kinds())
        if (key.rfind(prefixOf(kind) + ".", 0) == 0)
            return true;
    return false;
}

std::string ProviderConfig::keyForEnvironment(const std::string& name)
{
    if (name.rfind("BUILDER_LLM_", 0) == 0) {
        const std::string rest = name.substr(12);
        if (rest.rfind("MODEL_", 0) == 0)
            return "llm.model." + lower(rest.substr(6));
        static const std::vector<std::string> kSettings = {
            "PROVIDERS",    "TIMEOUT_SECONDS",         "MAX_ATTEMPTS", "RETRY_BASE_MS",
            "RETRY_MAX_MS", "MAX_RETRY_AFTER_SECONDS", "REPLAY",       "RECORD"};
        if (std::find(kSettings.begin(), kSettings.end(), rest) != kSettings.end())
            return "llm." + lower(rest);
        return {};
    }
    // OPENAI_COMPATIBLE_ before OPENAI_, which it extends.
    for (const char* kind : {"openai-compatible", "anthropic", "openai", "gemini"}) {
        const std::string prefix = upper(prefixOf(kind)) + "_";
        if (name.rfind(prefix, 0) != 0)
            continue;
        const std::string rest = name.substr(prefix.size());
        if (rest == "API_KEY" || rest == "BASE_URL" || rest == "MODEL" ||
            (rest == "RESPONSE_FORMAT" && std::string(kind) == "openai-compatible"))
            return prefixOf(kind) + "." + lower(rest);
        if (rest.rfind("MODEL_", 0) == 0)
            return prefixOf(kind) + ".model." + lower(rest.substr(6));
        return {};
    }
    return {};
}

std::string ProviderConfig::describeSetting(const std::string& kind, const std::string& field)
{
    return upper(prefixOf(kind)) + "_" + upper(field) + " or " + prefixOf(kind) + "." + field;
}

std::map<std::string, std::string> ProviderConfig::processEnvironment()
{
    std::map<std::string, std::string> out;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys())
        out[name.toStdString()] = environment.value(name).toStdString();
    return out;
}

common::Result<ProviderConfig> ProviderConfig::parse(const std::map<std::string, std::string>& file,
                                                     const std::map<std::string, std::string>& env)
{
    // Later entries win: the file first, then the environment.
    std::vector<std::pair<std::string, Setting>> settings;
    for (const auto& [key, value] : file)
        if (isLlmSetting(key))
            settings.push_back({key, {trim(value), "config " + key}});
    for (const auto& [name, value] : env) {
        const std::string key = keyForEnvironment(name);
        if (key.empty() && name.rfind("BUILDER_LLM_", 0) == 0)
            return Error(StatusCode::FailedPrecondition, "unknown LLM setting " + name);
        if (!key.empty() && !trim(value).empty())
            settings.push_back({key, {trim(value), name}});
    }
    ProviderConfig config;
    for (const auto& [key, setting] : settings) {
        if (setting.first.empty())
            continue; // "key =" in a file leaves the default
        if (auto status = apply(config, key, setting.first, setting.second); !status.ok())
            return status.error();
    }
    if (!config.replayPath.empty() && !config.recordPath.empty())
        return Error(
            StatusCode::FailedPrecondition,
            "llm.replay and llm.record cannot both be set (replay answers from a cassette, "
            "record writes one from live calls)");
    if (config.retryMaxMs < config.retryBaseMs)
        return Error(StatusCode::FailedPrecondition,
                     "llm.retry_max_ms must be at least llm.retry_base_ms");
    return config;
}

} // namespace builder::llm
