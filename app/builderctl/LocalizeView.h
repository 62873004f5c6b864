#pragma once

#include "localize/LocalizeResult.h"

#include <string>

namespace builder::ctl {

// `builderctl localize` output: a ranked table for people, one JSON document
// (snake_case, like the API's) for scripts.
class LocalizeView
{
public:
    // RANK, SCORE, PATH, SYMBOLS, TOKENS, then a one-line summary.
    static std::string table(const localize::LocalizeResult& result);
    // One line, ending in '\n'; includes the excerpts' text.
    static std::string json(const localize::LocalizeResult& result);
};

} // namespace builder::ctl
