// Shell (scripts, Dockerfiles, CI steps in YAML) security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::shell()
{
    const auto L = Language::Shell;
    return {
        rule("shell-tls-verify-disabled", "tls", L, Severity::High, {"curl", "wget"},
             R"re(\bcurl\b[^|;&]*\s(-k|--insecure)\b|\bwget\b[^|;&]*--no-check-certificate)re",
             "curl -k / wget --no-check-certificate downloads without TLS verification", tlsFix()),
        rule("shell-pipe-to-shell", "command-injection", L, Severity::Medium, {"curl", "wget"},
             R"re(\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(ba|z)?sh\b)re",
             "a downloaded script is piped straight into a shell",
             "Download to a file, verify its checksum or signature, then run it."),
        rule("shell-eval-variable", "code-injection", L, Severity::Medium, {"eval "},
             R"re((^|[;&|(]\s*|\s)eval\s+["']?\$)re", "eval of a variable's content",
             "Avoid eval; use arrays for commands and case statements for dispatch."),
    };
}

} // namespace builder::review
