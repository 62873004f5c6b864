#pragma once

#include "SecurityRule.h"

#include <string>
#include <vector>

namespace builder::review {

// The built-in security patterns, one function per language family.
class SecurityRuleTable
{
public:
    static const std::vector<SecurityRule>& all();

    static std::vector<SecurityRule> cpp();
    static std::vector<SecurityRule> go();
    static std::vector<SecurityRule> python();
    static std::vector<SecurityRule> javascript();
    static std::vector<SecurityRule> java();
    static std::vector<SecurityRule> rust();
    static std::vector<SecurityRule> ruby();
    static std::vector<SecurityRule> shell();

    static SecurityRule rule(std::string id, std::string category, Language language,
                             Severity severity, std::vector<std::string> triggers,
                             std::string regex, std::string message, std::string fixHint);
    // SQL built by concatenation or formatting inside a query call: the
    // language's call-and-concatenation regex plus an SQL keyword on the line.
    static SecurityRule sql(std::string id, Language language, std::vector<std::string> triggers,
                            std::string callRegex);

    static const char* sqlFix();
    static const char* tlsFix();
    static const char* weakHashFix();
    static const char* weakCipherFix();
    static const char* ssrfFix();
    static const char* pathFix();
    static const char* deserializationFix();
};

} // namespace builder::review
