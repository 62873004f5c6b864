#pragma once

#include "SecretRule.h"

#include <string>
#include <vector>

namespace builder::review {

// The built-in secret rules, one function per family (SecretRules*.cpp), and the
// small constructors the tables are written with.
class SecretRuleTable
{
public:
    // Every built-in rule, in table order (which is also the tie-break order).
    static const std::vector<SecretRule>& all();

    static std::vector<SecretRule> cloud();
    static std::vector<SecretRule> vcs();
    static std::vector<SecretRule> chat();
    static std::vector<SecretRule> payments();
    static std::vector<SecretRule> registries();
    static std::vector<SecretRule> operations();
    static std::vector<SecretRule> ai();
    static std::vector<SecretRule> saas();
    static std::vector<SecretRule> keysAndUrls();

    static SecretRule token(std::string id, std::string title, std::vector<std::string> anchors,
                            std::string pattern, Severity severity = Severity::Critical);
    static SecretRule keyed(std::string id, std::string title, std::vector<std::string> words,
                            std::string valuePattern, Severity severity = Severity::High,
                            double minEntropy = 3.0);
    static SecretRule led(std::string id, std::string title, std::string anchor, std::string lead,
                          std::string pattern, Severity severity = Severity::Critical);
    static SecretRule checked(SecretRule rule, SecretCheck check);

    // Shannon entropy a random value of this alphabet easily clears, used by keyed rules.
    static constexpr double kHexEntropy = 3.0;
    static constexpr double kRandomEntropy = 3.5;
};

} // namespace builder::review
