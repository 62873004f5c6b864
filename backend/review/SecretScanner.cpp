#include "SecretScanner.h"

#include "AssignedValue.h"
#include "DummyValues.h"
#include "Entropy.h"
#include "GenericAssignment.h"
#include "Redaction.h"
#include "SecretChecks.h"
#include "SecretRuleTable.h"
#include "UrlCredentials.h"

#include <algorithm>

namespace builder::review {

namespace {

bool isAlnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isTokenChar(char c)
{
    return isAlnum(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.' ||
           c == '~' || c == ':' || c == '%';
}

bool isBase64(char c)
{
    return isAlnum(c) || c == '+' || c == '/' || c == '=';
}

bool hasBase64Run(std::string_view text, std::size_t length)
{
    std::size_t run = 0;
    for (const char c : text) {
        run = isBase64(c) ? run + 1 : 0;
        if (run >= length)
            return true;
    }
    return false;
}

bool overlaps(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2)
{
    return b1 < e2 && b2 < e1;
}

constexpr int kTokenSpecificity = 1000;
constexpr int kKeyedSpecificity = 900;
constexpr int kUrlSpecificity = 800;
constexpr int kAssignmentSpecificity = 100;
constexpr std::size_t kMaxLineBytes = 64 * 1024; // minified bundles: scan the first 64 KiB

} // namespace

SecretScanner::SecretScanner() : SecretScanner(SecretRuleTable::all()) {}

SecretScanner::SecretScanner(std::vector<SecretRule> rules) : m_rules(std::move(rules))
{
    m_compiled.resize(m_rules.size());
    for (std::size_t r = 0; r < m_rules.size(); ++r) {
        const SecretRule& rule = m_rules[r];
        Compiled& compiled = m_compiled[r];
        const bool needsPattern = rule.kind == SecretKind::Token || rule.kind == SecretKind::Keyed;
        if (needsPattern) {
            compiled.pattern = TokenPattern::compile(rule.pattern);
            if (!rule.lead.empty())
                compiled.lead = TokenPattern::compile(rule.lead);
            if (!compiled.pattern || (!rule.lead.empty() && !compiled.lead) ||
                rule.anchors.empty()) {
                m_invalid.push_back(rule.id);
                compiled.pattern.reset();
                continue;
            }
            if (rule.kind == SecretKind::Token && rule.lead.empty())
                compiled.shown =
                    std::min(compiled.pattern->literalPrefixLength(), Redaction::kMaxShown);
        }
        if (rule.kind == SecretKind::UrlPassword) {
            for (const auto& scheme : rule.anchors) {
                if (scheme == "*")
                    m_urlFallback = static_cast<int>(r);
                else
                    m_urlRules.emplace(scheme, static_cast<int>(r));
            }
            continue;
        }
        for (std::size_t a = 0; a < rule.anchors.size(); ++a) {
            const int keyword = m_automaton.add(rule.anchors[a]);
            if (static_cast<std::size_t>(keyword) >= m_triggers.size())
                m_triggers.resize(static_cast<std::size_t>(keyword) + 1);
            m_triggers[static_cast<std::size_t>(keyword)].push_back(
                {static_cast<int>(r), static_cast<int>(a)});
        }
    }
    if (!m_urlRules.empty() || m_urlFallback >= 0) {
        m_urlKeyword = m_automaton.add("://");
        if (static_cast<std::size_t>(m_urlKeyword) >= m_triggers.size())
            m_triggers.resize(static_cast<std::size_t>(m_urlKeyword) + 1);
    }
    m_automaton.build();
}

const SecretScanner& SecretScanner::builtIn()
{
    static const SecretScanner scanner;
    return scanner;
}

std::string SecretScanner::defaultFixHint()
{
    return "Remove the credential from the change, revoke or rotate it at the provider (it must "
           "be treated as leaked), and load it at run time from the environment or a secret store.";
}

void SecretScanner::scan(const ScanTarget& target, std::vector<Finding>& out) const
{
    if (DummyValues::isFixturePath(target.path) || DummyValues::isChecksumFile(target.path))
        return;
    const bool configFile = GenericAssignment::isConfigFile(target.path);
    Scratch scratch;
    for (std::size_t i = 0; i < target.lines.size(); ++i)
        scanLine(target, i, configFile, scratch, out);
}

void SecretScanner::scanLine(const ScanTarget& target, std::size_t index, bool configFile,
                             Scratch& scratch, std::vector<Finding>& out) const
{
    std::string_view line = target.lines[index].text;
    if (line.size() > kMaxLineBytes)
        line = line.substr(0, kMaxLineBytes);
    scratch.hits.clear();
    m_automaton.scan(line, [&scratch](int keyword, std::size_t end) {
        scratch.hits.push_back({keyword, end});
    });
    if (scratch.hits.empty())
        return;
    scratch.candidates.clear();
    for (const Hit& hit : scratch.hits) {
        if (hit.keyword == m_urlKeyword) {
            matchUrl(line, hit.end, scratch);
            continue;
        }
        for (const Trigger& trigger : m_triggers[static_cast<std::size_t>(hit.keyword)]) {
            switch (m_rules[static_cast<std::size_t>(trigger.rule)].kind) {
            case SecretKind::Token:
                matchToken(line, trigger, hit.end, scratch);
                break;
            case SecretKind::Keyed:
                matchKeyed(line, trigger, hit.end, scratch);
                break;
            case SecretKind::PrivateKey:
                matchPrivateKey(target, index, trigger, hit.end, scratch);
                break;
            case SecretKind::Assignment:
                matchAssignment(line, trigger, hit.end, configFile, scratch);
                break;
            case SecretKind::UrlPassword:
                break;
            }
        }
    }
    if (scratch.candidates.empty())
        return;
    BenignSpans::find(line, scratch.benign);
    auto& candidates = scratch.candidates;
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.specificity != b.specificity)
            return a.specificity > b.specificity;
        if (a.begin != b.begin)
            return a.begin < b.begin;
        return a.rule < b.rule;
    });
    std::vector<const Candidate*> accepted;
    for (const Candidate& candidate : candidates) {
        if (BenignSpans::covers(scratch.benign, candidate.begin))
            continue;
        const bool clash = std::any_of(accepted.begin(), accepted.end(), [&](const Candidate* a) {
            return overlaps(a->begin, a->end, candidate.begin, candidate.end);
        });
        if (clash)
            continue;
        accepted.push_back(&candidate);
        const SecretRule& rule = m_rules[static_cast<std::size_t>(candidate.rule)];
        Finding finding;
        finding.ruleId = rule.id;
        finding.severity = candidate.severity;
        finding.source = FindingSource::Secrets;
        finding.file = target.path;
        finding.line = target.lines[index].number;
        finding.message = candidate.message;
        finding.fixHint = rule.fixHint.empty() ? defaultFixHint() : rule.fixHint;
        out.push_back(std::move(finding));
    }
}

void SecretScanner::matchToken(std::string_view line, const Trigger& trigger, std::size_t end,
                               Scratch& scratch) const
{
    const SecretRule& rule = m_rules[static_cast<std::size_t>(trigger.rule)];
    const Compiled& compiled = m_compiled[static_cast<std::size_t>(trigger.rule)];
    if (!compiled.pattern)
        return;
    const std::size_t anchorLength = rule.anchors[static_cast<std::size_t>(trigger.anchor)].size();
    const std::size_t start = end - anchorLength;
    std::size_t tokenStart = start;
    if (compiled.lead) {
        const auto leadStart = compiled.lead->matchBackward(line, start);
        if (!leadStart)
            return;
        tokenStart = *leadStart;
    }
    if (tokenStart > 0 && isAlnum(line[tokenStart - 1]))
        return;
    const auto tokenEnd = compiled.pattern->matchAt(line, start);
    if (!tokenEnd)
        return;
    if (*tokenEnd < line.size() && compiled.pattern->tail().has(line[*tokenEnd]))
        return;
    const std::string_view token = line.substr(tokenStart, *tokenEnd - tokenStart);
    if (!SecretChecks::passes(rule.check, token) || DummyValues::isDummy(token))
        return;
    if (rule.minEntropy > 0 && Entropy::bitsPerByte(token) < rule.minEntropy)
        return;
    Candidate candidate;
    candidate.rule = trigger.rule;
    candidate.begin = tokenStart;
    candidate.end = *tokenEnd;
    candidate.specificity = kTokenSpecificity + static_cast<int>(anchorLength);
    candidate.severity = rule.severity;
    candidate.message = rule.title + ": " + Redaction::mask(token, compiled.shown);
    scratch.candidates.push_back(std::move(candidate));
}

void SecretScanner::matchKeyed(std::string_view line, const Trigger& trigger, std::size_t end,
                               Scratch& scratch) const
{
    const SecretRule& rule = m_rules[static_cast<std::size_t>(trigger.rule)];
    const Compiled& compiled = m_compiled[static_cast<std::size_t>(trigger.rule)];
    if (!compiled.pattern)
        return;
    const auto span = AssignedValue::after(line, end);
    if (!span)
        return;
    std::size_t valueEnd = span->begin;
    while (valueEnd < span->end && isTokenChar(line[valueEnd]))
        ++valueEnd;
    if (valueEnd != span->end && span->quote != 0)
        return; // a quoted value with other characters is not this token
    const std::string_view value = line.substr(span->begin, valueEnd - span->begin);
    if (!compiled.pattern->matchesWhole(value) || DummyValues::isDummy(value))
        return;
    if (rule.minEntropy > 0 && Entropy::bitsPerByte(value) < rule.minEntropy)
        return;
    const std::size_t keywordStart =
        end - rule.anchors[static_cast<std::size_t>(trigger.anchor)].size();
    const std::string key(AssignedValue::keyName(line, keywordStart, end));
    Candidate candidate;
    candidate.rule = trigger.rule;
    candidate.begin = span->begin;
    candidate.end = valueEnd;
    candidate.specificity = kKeyedSpecificity;
    candidate.severity = rule.severity;
    candidate.message = rule.title + " assigned to `" + key + "`: " + Redaction::mask(value, 0);
    scratch.candidates.push_back(std::move(candidate));
}

void SecretScanner::matchPrivateKey(const ScanTarget& target, std::size_t index,
                                    const Trigger& trigger, std::size_t end, Scratch& scratch) const
{
    const SecretRule& rule = m_rules[static_cast<std::size_t>(trigger.rule)];
    const std::string& header = rule.anchors[static_cast<std::size_t>(trigger.anchor)];
    const std::string_view line = target.lines[index].text;
    const std::size_t start = end - header.size();
    if (line.compare(start, header.size(), header) != 0)
        return; // the automaton is case-blind; PEM headers are not
    // Key material must follow: on the same line (JSON "\n" escapes) or on the
    // next lines. A parser that only names the header is not a key.
    bool body = hasBase64Run(line.substr(end), 40);
    bool encrypted = line.find("ENCRYPTED", end) != std::string_view::npos;
    for (std::size_t k = index + 1; !body && k < target.lines.size() && k <= index + 4; ++k) {
        const std::string_view next = target.lines[k].text;
        encrypted = encrypted || next.find("ENCRYPTED") != std::string_view::npos;
        body = hasBase64Run(next, 40);
    }
    if (!body)
        return;
    Candidate candidate;
    candidate.rule = trigger.rule;
    candidate.begin = start;
    candidate.end = line.size();
    candidate.specificity = kTokenSpecificity + static_cast<int>(header.size());
    candidate.severity =
        encrypted && rule.severity == Severity::Critical ? Severity::High : rule.severity;
    candidate.message = rule.title + (encrypted ? " (encrypted)" : "") + " (key material redacted)";
    scratch.candidates.push_back(std::move(candidate));
}

void SecretScanner::matchUrl(std::string_view line, std::size_t end, Scratch& scratch) const
{
    const auto match = UrlCredentials::at(line, end - 3);
    if (!match)
        return;
    const auto it = m_urlRules.find(match->scheme);
    const int rule = it != m_urlRules.end() ? it->second : m_urlFallback;
    if (rule < 0)
        return;
    const SecretRule& r = m_rules[static_cast<std::size_t>(rule)];
    Candidate candidate;
    candidate.rule = rule;
    candidate.begin = match->begin;
    candidate.end = match->end;
    candidate.specificity = kUrlSpecificity;
    candidate.severity = match->localHost ? Severity::Low : r.severity;
    candidate.message =
        r.title + ": " + match->scheme + "://…:" +
        Redaction::mask(
            line.substr(match->passwordBegin, match->passwordEnd - match->passwordBegin), 0) +
        "@" + match->host + (match->localHost ? " (local development host)" : "");
    scratch.candidates.push_back(std::move(candidate));
}

void SecretScanner::matchAssignment(std::string_view line, const Trigger& trigger, std::size_t end,
                                    bool configFile, Scratch& scratch) const
{
    const SecretRule& rule = m_rules[static_cast<std::size_t>(trigger.rule)];
    const std::size_t begin = end - rule.anchors[static_cast<std::size_t>(trigger.anchor)].size();
    const bool passwordLike = rule.id == "generic-password-assignment";
    const auto hit = GenericAssignment::check(line, begin, end, passwordLike, configFile);
    if (!hit)
        return;
    Candidate candidate;
    candidate.rule = trigger.rule;
    candidate.begin = hit->begin;
    candidate.end = hit->end;
    candidate.specificity = kAssignmentSpecificity;
    candidate.severity = rule.severity;
    candidate.message = rule.title + " assigned to `" + hit->key + "` (value redacted, " +
                        std::to_string(hit->end - hit->begin) + " characters)";
    scratch.candidates.push_back(std::move(candidate));
}

} // namespace builder::review
