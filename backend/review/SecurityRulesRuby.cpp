// Ruby security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::ruby()
{
    const auto L = Language::Ruby;
    std::vector<SecurityRule> rules = {
        rule("ruby-marshal-load", "deserialization", L, Severity::High,
             {"Marshal.load", "Marshal.restore"}, "",
             "Marshal.load can instantiate arbitrary objects from the data", deserializationFix()),
        rule("ruby-yaml-load", "deserialization", L, Severity::Medium, {"YAML.load", "Psych.load"},
             R"re((YAML|Psych)\.load(_file)?\b)re",
             "YAML.load without safe_load can instantiate arbitrary objects",
             "Use YAML.safe_load with permitted_classes."),
        rule(
            "ruby-eval", "code-injection", L, Severity::High, {"eval"},
            R"re((^|[^\w.])eval[\s(]|\.(instance_eval|class_eval)\s*\(?\s*["'])re",
            "eval of Ruby code built at run time",
            "Dispatch through an explicit table (public_send with an allow-list) instead of eval."),
        rule(
            "ruby-command-injection", "command-injection", L, Severity::High,
            {"system", "exec", "spawn", "popen", "Open3", "`", "%x("},
            R"re((system|exec|spawn|IO\.popen|Open3\.\w+)\s*\(?\s*["'][^"']*#\{|`[^`]*#\{|%x\([^)]*#\{)re",
            "shell command built with string interpolation",
            "Pass the program and arguments separately (system('prog', arg)) so no shell "
            "parses the input."),
        rule("ruby-tls-verify-none", "tls", L, Severity::High, {"VERIFY_NONE"}, "",
             "OpenSSL::SSL::VERIFY_NONE disables certificate verification", tlsFix()),
        sql("ruby-sql-interpolation", L,
            {"execute", "exec_query", "find_by_sql", "where(", "select_all"},
            R"re((execute|exec_query|find_by_sql|where|select_all)\s*\(?\s*"[^"]*#\{)re"),
    };
    rules[1].unless = {"safe_load", "permitted_classes"};
    return rules;
}

} // namespace builder::review
