#pragma once

#include "llm/CompletionResponse.h"

#include <map>
#include <optional>
#include <string>

namespace builder::llm {

// USD per million tokens for well-known vendor models, overridable by configuration
// (llm.price.<model> = <in>,<out>). Unknown and local models cost 0.
class PriceTable
{
public:
    struct Price
    {
        double inputPerMillion = 0;
        double outputPerMillion = 0;
        bool operator==(const Price&) const = default;
    };

    // The built-in list (vendors' list prices, standard tier, no caching or batch discount).
    static PriceTable builtin();
    // An empty table: everything costs 0 unless overridden.
    PriceTable() = default;

    void setPrice(const std::string& model, Price price);
    // Applies to the "openai-compatible" provider too, which otherwise never costs anything
    // (a local server does not bill; a paid one is priced by configuration).
    void setOverride(const std::string& model, Price price);

    // The price of `model` (exact name, or a listed name followed by a dated or numbered
    // snapshot suffix such as "-20250929", "-2024-08-06" or "-001"), nullopt when unknown.
    std::optional<Price> find(const std::string& provider, const std::string& model) const;
    double cost(const std::string& provider, const std::string& model,
                const TokenUsage& usage) const;

private:
    static std::optional<Price> lookup(const std::map<std::string, Price>& table,
                                       const std::string& model);
    std::map<std::string, Price> m_builtin;
    std::map<std::string, Price> m_overrides;
};

} // namespace builder::llm
