#pragma once

#include "Finding.h"
#include "KeywordAutomaton.h"
#include "Language.h"
#include "ScanTarget.h"
#include "SecurityRule.h"

#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace builder::review {

// Applies the security patterns of a file's language to its added lines. Per
// language one keyword automaton over the rules' triggers selects the lines;
// only those run the rule's regex. Comment lines are skipped, at most one
// finding per category and line is reported, and findings in test files are
// one severity lower.
class SecurityScanner
{
public:
    SecurityScanner(); // the built-in table
    explicit SecurityScanner(std::vector<SecurityRule> rules);

    static const SecurityScanner& builtIn();

    const std::vector<SecurityRule>& rules() const { return m_rules; }
    // Ids of rules dropped because their regex did not compile.
    const std::vector<std::string>& invalidRules() const { return m_invalid; }

    void scan(const ScanTarget& target, std::vector<Finding>& out) const;

    static bool isCommentLine(std::string_view line, Language language);
    static bool mentionsSecurityUse(std::string_view text);

    // The regex input (line plus window) is cut to this many bytes (minified code).
    static constexpr std::size_t kMaxRegexInput = 2000;

private:
    struct Index
    {
        KeywordAutomaton automaton;
        std::vector<std::vector<int>> rulesByKeyword;
    };

    std::vector<SecurityRule> m_rules;
    std::vector<std::optional<std::regex>> m_regex;
    std::map<Language, Index> m_index;
    std::vector<std::string> m_invalid;
};

} // namespace builder::review
