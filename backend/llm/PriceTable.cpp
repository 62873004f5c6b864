#include "PriceTable.h"

#include <algorithm>
#include <cctype>

namespace builder::llm {

PriceTable PriceTable::builtin()
{
    // List prices per million tokens (input, output) as published by the vendors in early 2026.
    // Gemini 2.5 Pro's price is the one for prompts up to 200k tokens.
    PriceTable table;
    const std::pair<const char*, Price> kPrices[] = {
        {"claude-opus-4-6", {5.0, 25.0}},
        {"claude-opus-4-5", {5.0, 25.0}},
        {"claude-opus-4-1", {15.0, 75.0}},
        {"claude-opus-4", {15.0, 75.0}},
        {"claude-sonnet-4-6", {3.0, 15.0}},
        {"claude-sonnet-4-5", {3.0, 15.0}},
        {"claude-sonnet-4", {3.0, 15.0}},
        {"claude-3-7-sonnet", {3.0, 15.0}},
        {"claude-haiku-4-5", {1.0, 5.0}},
        {"claude-3-5-haiku", {0.8, 4.0}},
        {"claude-3-haiku", {0.25, 1.25}},
        {"gpt-5", {1.25, 10.0}},
        {"gpt-5-mini", {0.25, 2.0}},
        {"gpt-5-nano", {0.05, 0.40}},
        {"gpt-4.1", {2.0, 8.0}},
        {"gpt-4.1-mini", {0.40, 1.60}},
        {"gpt-4.1-nano", {0.10, 0.40}},
        {"gpt-4o", {2.50, 10.0}},
        {"gpt-4o-mini", {0.15, 0.60}},
        {"o3", {2.0, 8.0}},
        {"o4-mini", {1.10, 4.40}},
        {"gemini-2.5-pro", {1.25, 10.0}},
        {"gemini-2.5-flash", {0.30, 2.50}},
        {"gemini-2.5-flash-lite", {0.10, 0.40}},
        {"gemini-2.0-flash", {0.10, 0.40}},
        {"gemini-2.0-flash-lite", {0.075, 0.30}},
    };
    for (const auto& [model, price] : kPrices)
        table.setPrice(model, price);
    return table;
}

void PriceTable::setPrice(const std::string& model, Price price)
{
    m_builtin[model] = price;
}

void PriceTable::setOverride(const std::string& model, Price price)
{
    m_overrides[model] = price;
}

namespace {

// "-20250929", "-2024-08-06", "-001", "-latest": a snapshot of the same model, same price.
bool isSnapshotSuffix(const std::string& suffix)
{
    if (suffix == "-latest")
        return true;
    if (suffix.size() < 4 || suffix[0] != '-')
        return false;
    return std::all_of(suffix.begin() + 1, suffix.end(),
                       [](unsigned char c) { return std::isdigit(c) || c == '-'; });
}

} // namespace

std::optional<PriceTable::Price> PriceTable::lookup(const std::map<std::string, Price>& table,
                                                    const std::string& model)
{
    if (auto exact = table.find(model); exact != table.end())
        return exact->second;
    // The longest listed name that the model extends by a snapshot suffix.
    std::optional<Price> best;
    std::size_t bestLength = 0;
    for (const auto& [name, price] : table) {
        if (name.size() < model.size() && model.compare(0, name.size(), name) == 0 &&
            isSnapshotSuffix(model.substr(name.size())) && name.size() > bestLength) {
            best = price;
            bestLength = name.size();
        }
    }
    return best;
}

std::optional<PriceTable::Price> PriceTable::find(const std::string& provider,
                                                  const std::string& model) const
{
    std::string bare = model;
    if (bare.rfind("models/", 0) == 0)
        bare = bare.substr(7);
    if (auto price = lookup(m_overrides, bare))
        return price;
    if (provider == "openai-compatible")
        return std::nullopt;
    return lookup(m_builtin, bare);
}

double PriceTable::cost(const std::string& provider, const std::string& model,
                        const TokenUsage& usage) const
{
    const auto price = find(provider, model);
    if (!price)
        return 0.0;
    return (static_cast<double>(usage.input) * price->inputPerMillion +
            static_cast<double>(usage.output) * price->outputPerMillion) /
           1e6;
}

} // namespace builder::llm
