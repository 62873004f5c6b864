#pragma once

#include <cstdint>
#include <string>

namespace builder::llm {

// Tokens billed for one call. Output includes hidden reasoning tokens where the vendor bills them.
struct TokenUsage
{
    std::int64_t input = 0;
    std::int64_t output = 0;

    bool operator==(const TokenUsage&) const = default;
};

// One model answer, with what it cost. For structured requests `text` is the JSON text.
struct CompletionResponse
{
    std::string provider; // "anthropic", "openai", "gemini", "openai-compatible", "replay"
    std::string model;    // as reported by the vendor when it says, else as requested
    std::string text;
    TokenUsage usage;
    double costUsd = 0;
    std::int64_t latencyMs = 0; // wall time of the whole call, retries and waits included
    int attempts = 1;           // HTTP attempts made (1 = no retry)
    std::string stopReason; // the vendor's own word ("end_turn", "stop", "STOP", "tool_use", ...)
    bool truncated = false; // the answer hit maxOutputTokens
};

} // namespace builder::llm
