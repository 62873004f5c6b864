#pragma once

#include "Language.h"
#include "Severity.h"

#include <string>
#include <vector>

namespace builder::review {

// One security pattern: literal triggers pick the lines (one keyword-automaton
// pass), then an ECMAScript regex confirms the shape on those lines only.
struct SecurityRule
{
    std::string id;       // "py-subprocess-shell"
    std::string category; // "command-injection", "sql-injection", ...
    std::vector<Language> languages;
    Severity severity = Severity::High;
    std::vector<std::string> triggers; // case-sensitive literals; any one selects the line
    std::string regex;                 // empty: a trigger alone is enough
    bool ignoreCase = false;
    // Substrings that clear the finding when present in the window ("SafeLoader").
    std::vector<std::string> unless;
    // Lower-case words one of which the window must contain before the regex
    // runs (a cheap filter for costly regexes: SQL keywords).
    std::vector<std::string> requireAnyWord;
    // Weak hashes matter only in security use: the window must mention a
    // password, signature, token, ... (SecurityScanner::kSecurityWords).
    bool needsSecurityContext = false;
    int window = 0; // following lines joined to the matched one (builder chains)
    std::string message;
    std::string fixHint;
};

} // namespace builder::review
