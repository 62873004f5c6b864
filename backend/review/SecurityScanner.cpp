#include "SecurityScanner.h"

#include "SecurityRuleTable.h"
#include "TestPaths.h"

#include <algorithm>
#include <array>

namespace builder::review {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

Severity oneLower(Severity severity)
{
    return severity == Severity::Low ? Severity::Low
                                     : static_cast<Severity>(static_cast<int>(severity) - 1);
}

} // namespace

SecurityScanner::SecurityScanner() : SecurityScanner(SecurityRuleTable::all()) {}

SecurityScanner::SecurityScanner(std::vector<SecurityRule> rules) : m_rules(std::move(rules))
{
    m_regex.resize(m_rules.size());
    for (std::size_t r = 0; r < m_rules.size(); ++r) {
        const SecurityRule& rule = m_rules[r];
        if (!rule.regex.empty()) {
            try {
                auto flags = std::regex::ECMAScript | std::regex::optimize;
                if (rule.ignoreCase)
                    flags |= std::regex::icase;
                m_regex[r].emplace(rule.regex, flags);
            } catch (const std::regex_error&) {
                m_invalid.push_back(rule.id);
                continue;
            }
        }
        if (rule.triggers.empty()) {
            m_invalid.push_back(rule.id);
            continue;
        }
        for (const Language language : rule.languages) {
            Index& index = m_index[language];
            for (const auto& trigger : rule.triggers) {
                const int keyword = index.automaton.add(trigger);
                if (static_cast<std::size_t>(keyword) >= index.rulesByKeyword.size())
                    index.rulesByKeyword.resize(static_cast<std::size_t>(keyword) + 1);
                auto& list = index.rulesByKeyword[static_cast<std::size_t>(keyword)];
                if (std::find(list.begin(), list.end(), static_cast<int>(r)) == list.end())
                    list.push_back(static_cast<int>(r));
            }
        }
    }
    for (auto& [language, index] : m_index)
        index.automaton.build();
}

const SecurityScanner& SecurityScanner::builtIn()
{
    static const SecurityScanner scanner;
    return scanner;
}

bool SecurityScanner::isCommentLine(std::string_view line, Language language)
{
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return true;
    const std::string_view text = line.substr(first);
    auto starts = [&text](std::string_view prefix) {
        return text.substr(0, prefix.size()) == prefix;
    };
    switch (language) {
    case Language::Python:
    case Language::Ruby:
    case Language::Shell:
        return starts("#");
    case Language::Cpp:
    case Language::Go:
    case Language::JavaScript:
    case Language::Java:
    case Language::Rust:
        return starts("//") || starts("/*") || starts("* ") || text == "*" || starts("*/");
    case Language::Unknown:
        break;
    }
    return false;
}

bool SecurityScanner::mentionsSecurityUse(std::string_view text)
{
    static constexpr std::array<std::string_view, 16> kWords = {
        "password", "passwd", "pwd",  "secret", "token",   "sign",    "auth",   "credential",
        "hmac",     "login",  "salt", "apikey", "api_key", "session", "verify", "cert"};
    const std::string l = lower(text);
    return std::any_of(kWords.begin(), kWords.end(),
                       [&l](std::string_view word) { return l.find(word) != std::string::npos; });
}

void SecurityScanner::scan(const ScanTarget& target, std::vector<Finding>& out) const
{
    const Language language = LanguageOf::path(target.path);
    const auto found = m_index.find(language);
    if (found == m_index.end())
        return;
    const Index& index = found->second;
    const bool testFile = TestPaths::isTest(target.path);
    std::vector<int> candidates;
    std::vector<std::string> categories;
    for (std::size_t i = 0; i < target.lines.size(); ++i) {
        const std::string_view line = target.lines[i].text;
        candidates.clear();
        index.automaton.scan(line, [&](int keyword, std::size_t) {
            for (const int r : index.rulesByKeyword[static_cast<std::size_t>(keyword)]) {
                if (std::find(candidates.begin(), candidates.end(), r) == candidates.end())
                    candidates.push_back(r);
            }
        });
        if (candidates.empty() || isCommentLine(line, language))
            continue;
        std::sort(candidates.begin(), candidates.end()); // table order decides which rule reports
        categories.clear();
        for (const int r : candidates) {
            const SecurityRule& rule = m_rules[static_cast<std::size_t>(r)];
            if (std::find(categories.begin(), categories.end(), rule.category) != categories.end())
                continue;
            // The automaton is case-blind; triggers are not.
            const bool triggered = std::any_of(
                rule.triggers.begin(), rule.triggers.end(),
                [&line](const std::string& t) { return line.find(t) != std::string_view::npos; });
            if (!triggered)
                continue;
            std::string window(line.substr(0, kMaxRegexInput));
            for (int k = 1;
                 k <= rule.window && i + static_cast<std::size_t>(k) < target.lines.size(); ++k) {
                window += '\n';
                window +=
                    target.lines[i + static_cast<std::size_t>(k)].text.substr(0, kMaxRegexInput);
            }
            // libstdc++'s regex recurses per character: keep its input short for any thread's
            // stack.
            if (window.size() > kMaxRegexInput)
                window.resize(kMaxRegexInput);
            const bool cleared = std::any_of(
                rule.unless.begin(), rule.unless.end(),
                [&window](const std::string& u) { return window.find(u) != std::string::npos; });
            if (cleared || (rule.needsSecurityContext && !mentionsSecurityUse(window)))
                continue;
            if (!rule.requireAnyWord.empty()) {
                const std::string folded = lower(window);
                const bool any = std::any_of(rule.requireAnyWord.begin(), rule.requireAnyWord.end(),
                                             [&folded](const std::string& word) {
                                                 return folded.find(word) != std::string::npos;
                                             });
                if (!any)
                    continue;
            }
            const auto& regex = m_regex[static_cast<std::size_t>(r)];
            if (regex && !std::regex_search(window, *regex))
                continue;
            categories.push_back(rule.category);
            Finding finding;
            finding.ruleId = rule.id;
            finding.severity = testFile ? oneLower(rule.severity) : rule.severity;
            finding.source = FindingSource::Security;
            finding.file = target.path;
            finding.line = target.lines[i].number;
            finding.message = rule.message + (testFile ? " (in a test file)" : "");
            finding.fixHint = rule.fixHint;
            out.push_back(std::move(finding));
        }
    }
}

} // namespace builder::review
