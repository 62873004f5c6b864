#pragma once

#include "common/Result.h"
#include "localize/Symbol.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace builder::localize {

// Symbols from universal-ctags, run as `ctags --output-format=json -L -` over a
// list of files (split across one process per core). Exuberant ctags has no JSON
// output and is not used.
class CtagsExtractor
{
public:
    // True when `ctags` on PATH is Universal Ctags with JSON output (checked once).
    static bool available();
    // Symbols per relative path, each list sorted by line then name. Errors:
    // Unavailable when ctags is missing or fails.
    static common::Result<std::unordered_map<std::string, std::vector<Symbol>>>
    extract(const std::string& root, const std::vector<std::string>& paths);
};

} // namespace builder::localize
