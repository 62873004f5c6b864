#pragma once

#include "llm/ChatMessage.h"

#include <string>
#include <vector>

namespace builder::llm {

// What a pipeline stage asks of a model. Provider-neutral: each Provider turns it into
// its own wire format.
struct CompletionRequest
{
    std::string stage;  // "normalize_spec", "analyze_impact", "generate_plan", "generate_code", ...
    std::string system; // system prompt
    std::vector<ChatMessage> messages;
    std::string jsonSchema;   // JSON Schema text of the expected output; empty = free text
    double temperature = 0.0; // always sent explicitly
    int maxOutputTokens = 8192;
    std::string model; // empty: the configured model for this stage (per provider)

    // Stable SHA-256 hex over stage, model, system, messages, schema and temperature (not
    // maxOutputTokens): the journal and replay key. `model` is taken as given, so a request
    // that leaves it empty keeps its key whatever model the configuration picks.
    std::string key() const;
};

} // namespace builder::llm
