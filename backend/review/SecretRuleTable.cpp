#include "SecretRuleTable.h"

namespace builder::review {

namespace {

void setFamily(std::vector<SecretRule>& rules, const char* family)
{
    for (auto& rule : rules)
        if (rule.family.empty())
            rule.family = family;
}

} // namespace

SecretRule SecretRuleTable::token(std::string id, std::string title,
                                  std::vector<std::string> anchors, std::string pattern,
                                  Severity severity)
{
    SecretRule rule;
    rule.id = std::move(id);
    rule.title = std::move(title);
    rule.kind = SecretKind::Token;
    rule.anchors = std::move(anchors);
    rule.pattern = std::move(pattern);
    rule.severity = severity;
    return rule;
}

SecretRule SecretRuleTable::keyed(std::string id, std::string title, std::vector<std::string> words,
                                  std::string valuePattern, Severity severity, double minEntropy)
{
    SecretRule rule;
    rule.id = std::move(id);
    rule.title = std::move(title);
    rule.kind = SecretKind::Keyed;
    rule.anchors = std::move(words);
    rule.pattern = std::move(valuePattern);
    rule.severity = severity;
    rule.minEntropy = minEntropy;
    return rule;
}

SecretRule SecretRuleTable::led(std::string id, std::string title, std::string anchor,
                                std::string lead, std::string pattern, Severity severity)
{
    SecretRule rule =
        token(std::move(id), std::move(title), {std::move(anchor)}, std::move(pattern), severity);
    rule.lead = std::move(lead);
    return rule;
}

SecretRule SecretRuleTable::checked(SecretRule rule, SecretCheck check)
{
    rule.check = check;
    return rule;
}

const std::vector<SecretRule>& SecretRuleTable::all()
{
    static const std::vector<SecretRule> rules = [] {
        std::vector<SecretRule> out;
        auto append = [&out](std::vector<SecretRule> part, const char* family) {
            setFamily(part, family);
            out.insert(out.end(), part.begin(), part.end());
        };
        append(cloud(), "cloud");
        append(vcs(), "vcs");
        append(chat(), "chat");
        append(payments(), "payments");
        append(registries(), "registries");
        append(operations(), "operations");
        append(ai(), "ai");
        append(saas(), "saas");
        append(keysAndUrls(), "keys");
        return out;
    }();
    return rules;
}

} // namespace builder::review
