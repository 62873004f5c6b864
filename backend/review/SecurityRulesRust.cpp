// Rust security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::rust()
{
    const auto L = Language::Rust;
    std::vector<SecurityRule> rules = {
        rule(
            "rust-command-shell", "command-injection", L, Severity::High, {"Command::new"},
            R"re(Command::new\s*\(\s*"(/bin/)?(sh|bash|zsh|cmd|powershell)"\s*\)[\s\S]*\.args?\s*\(\s*(&?\[|vec!\[)?\s*"(-c|/C|/c)"[\s\S]*format!\s*\()re",
            "Command::new(\"sh\").arg(\"-c\") with a command built by format!",
            "Run the program directly with Command::new(program).args([...]); never format "
            "input into a shell command."),
        rule(
            "rust-tls-verify-disabled", "tls", L, Severity::High,
            {"danger_accept_invalid", "SslVerifyMode::NONE", "dangerous()"},
            R"re(danger_accept_invalid_(certs|hostnames)\s*\(\s*true\s*\)|SslVerifyMode::NONE|\.dangerous\s*\(\s*\))re",
            "TLS certificate or host-name verification is switched off", tlsFix()),
        rule("rust-weak-hash", "weak-crypto", L, Severity::Medium,
             {"md5::", "Md5::", "Sha1::", "sha1::"},
             R"re(\b(md5::compute|Md5::(new|digest)|Sha1::(new|digest)|sha1::Sha1))re",
             "MD5/SHA-1 used for a password, signature or token", weakHashFix()),
        rule("rust-weak-cipher", "weak-crypto", L, Severity::High, {"Des", "Rc4", "Ecb<"},
             R"re(\bDes(Ede3)?::new|\bRc4::new|\bEcb\s*<)re", "DES, RC4 or ECB mode encryption",
             weakCipherFix()),
        sql("rust-sql-concatenation", L, {"query", "execute", "format!"},
            R"re(\b(query|query_as|query_scalar|execute|batch_execute)\s*(::<[^>]*>)?\s*\(\s*&?format!\s*\()re"),
    };
    rules[0].window = 4;
    rules[2].needsSecurityContext = true;
    return rules;
}

} // namespace builder::review
