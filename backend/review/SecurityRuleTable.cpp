#include "SecurityRuleTable.h"

namespace builder::review {

SecurityRule SecurityRuleTable::rule(std::string id, std::string category, Language language,
                                     Severity severity, std::vector<std::string> triggers,
                                     std::string regex, std::string message, std::string fixHint)
{
    SecurityRule r;
    r.id = std::move(id);
    r.category = std::move(category);
    r.languages = {language};
    r.severity = severity;
    r.triggers = std::move(triggers);
    r.regex = std::move(regex);
    r.message = std::move(message);
    r.fixHint = std::move(fixHint);
    return r;
}

SecurityRule SecurityRuleTable::sql(std::string id, Language language,
                                    std::vector<std::string> triggers, std::string callRegex)
{
    SecurityRule r =
        rule(std::move(id), "sql-injection", language, Severity::High, std::move(triggers),
             "^(?=.*\\b(select|insert|update|delete|drop|create|alter|replace)\\b)"
             ".*" +
                 callRegex,
             "SQL statement built by concatenation or string formatting and passed "
             "to a query call",
             sqlFix());
    r.ignoreCase = true;
    r.requireAnyWord = {"select", "insert", "update", "delete",
                        "drop",   "create", "alter",  "replace"};
    return r;
}

const char* SecurityRuleTable::sqlFix()
{
    return "Use a parameterised query (bound parameters such as ? or $1) instead of building "
           "the SQL text from values.";
}

const char* SecurityRuleTable::tlsFix()
{
    return "Keep certificate and host-name verification on; trust a private CA by adding its "
           "certificate to the trust store instead of disabling checks.";
}

const char* SecurityRuleTable::weakHashFix()
{
    return "Use a password hash (argon2id, scrypt, bcrypt) for passwords and SHA-256 or better "
           "(HMAC-SHA-256 for signatures) elsewhere.";
}

const char* SecurityRuleTable::weakCipherFix()
{
    return "Use an authenticated cipher such as AES-GCM or ChaCha20-Poly1305 with a random nonce; "
           "never DES, RC4 or ECB mode.";
}

const char* SecurityRuleTable::ssrfFix()
{
    return "Do not fetch URLs taken from the request; map user choices to an allow-list of "
           "hosts and reject private and link-local addresses.";
}

const char* SecurityRuleTable::pathFix()
{
    return "Normalise the user-supplied name (basename or canonical path) and check the result "
           "stays inside the intended directory before opening it.";
}

const char* SecurityRuleTable::deserializationFix()
{
    return "Do not deserialise untrusted data with a format that can build arbitrary objects; "
           "use JSON or a safe loader with an explicit schema.";
}

const std::vector<SecurityRule>& SecurityRuleTable::all()
{
    static const std::vector<SecurityRule> rules = [] {
        std::vector<SecurityRule> out;
        for (auto part : {cpp(), go(), python(), javascript(), java(), rust(), ruby(), shell()})
            out.insert(out.end(), part.begin(), part.end());
        return out;
    }();
    return rules;
}

} // namespace builder::review
