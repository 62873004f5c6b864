#pragma once

#include <cstdint>
#include <string_view>

namespace builder::localize {

// Estimates how many LLM tokens a text costs, as a word-piece approximation of
// BPE tokenizers (cl100k, o200k, Claude's): each identifier part (split like the
// tokenizer splits camelCase) costs ceil(length / 6), a run of punctuation costs
// ceil(length / 2), a line break with its indentation costs 1, other runs of
// spaces cost 1 and single spaces nothing, each non-ASCII character costs 1.
// On source code it lands near 3.5 characters per token, slightly above what
// real tokenizers count, so a budget it keeps is kept by the model too.
class TokenEstimator
{
public:
    static std::uint64_t estimate(std::string_view text);
};

} // namespace builder::localize
