#pragma once

#include "BenignSpans.h"
#include "Finding.h"
#include "KeywordAutomaton.h"
#include "ScanTarget.h"
#include "SecretRule.h"
#include "TokenPattern.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace builder::review {

// Finds credentials in added lines with a table of rules (SecretRuleTable).
// One keyword-automaton pass per line finds every rule's anchor at once; only
// then does the matching rule's small linear matcher run at that position, so
// lines without an anchor cost one table walk. Findings are redacted.
class SecretScanner
{
public:
    SecretScanner(); // the built-in table
    explicit SecretScanner(std::vector<SecretRule> rules);

    // The built-in scanner, built once.
    static const SecretScanner& builtIn();

    const std::vector<SecretRule>& rules() const { return m_rules; }
    // Ids of rules dropped because a pattern did not compile; empty for the built-in table.
    const std::vector<std::string>& invalidRules() const { return m_invalid; }

    // Appends the findings of one file. Fixture paths and checksum files are skipped.
    void scan(const ScanTarget& target, std::vector<Finding>& out) const;

    static std::string defaultFixHint();

private:
    struct Compiled
    {
        std::optional<TokenPattern> pattern;
        std::optional<TokenPattern> lead;
        std::size_t shown = 0; // public prefix length a message may show
    };
    struct Trigger
    {
        int rule = 0;
        int anchor = 0;
    };
    struct Hit
    {
        int keyword = 0;
        std::size_t end = 0;
    };
    struct Candidate
    {
        int rule = 0;
        std::size_t begin = 0;
        std::size_t end = 0;
        int specificity = 0;
        Severity severity = Severity::Low;
        std::string message;
    };
    struct Scratch
    {
        std::vector<Hit> hits;
        std::vector<Candidate> candidates;
        std::vector<BenignSpans::Span> benign;
    };

    void scanLine(const ScanTarget& target, std::size_t index, bool configFile, Scratch& scratch,
                  std::vector<Finding>& out) const;
    void matchToken(std::string_view line, const Trigger& trigger, std::size_t end,
                    Scratch& scratch) const;
    void matchKeyed(std::string_view line, const Trigger& trigger, std::size_t end,
                    Scratch& scratch) const;
    void matchPrivateKey(const ScanTarget& target, std::size_t index, const Trigger& trigger,
                         std::size_t end, Scratch& scratch) const;
    void matchUrl(std::string_view line, std::size_t end, Scratch& scratch) const;
    void matchAssignment(std::string_view line, const Trigger& trigger, std::size_t end,
                         bool configFile, Scratch& scratch) const;

    std::vector<SecretRule> m_rules;
    std::vector<Compiled> m_compiled;
    KeywordAutomaton m_automaton;
    std::vector<std::vector<Trigger>> m_triggers; // by keyword id
    int m_urlKeyword = -1;
    std::map<std::string, int> m_urlRules; // scheme -> rule
    int m_urlFallback = -1;
    std::vector<std::string> m_invalid;
};

} // namespace builder::review
