// C and C++ security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::cpp()
{
    const auto L = Language::Cpp;
    std::vector<SecurityRule> rules = {
        rule("cpp-command-injection", "command-injection", L, Severity::High, {"system", "popen"},
             R"re((^|[^\w:.>])(std::)?(system|popen)\s*\(\s*([^"\s)]|"[^"]*"\s*\+))re",
             "system()/popen() runs a command built from a variable through the shell",
             "Run the program directly (posix_spawn/execve or QProcess with an argument list) "
             "so no shell parses user-controlled text."),
        rule("cpp-shell-exec", "command-injection", L, Severity::High, {"execl"},
             R"re(execlp?\s*\(\s*"[^"]*sh"\s*,\s*"[^"]*"\s*,\s*"-c"\s*,\s*[^"\s])re",
             "exec of a shell with -c and a non-literal command string",
             "Pass the program and its arguments to exec directly instead of through 'sh -c'."),
        rule("cpp-gets", "memory-safety", L, Severity::High, {"gets"},
             R"re((^|[^\w.>:])(std::)?gets\s*\()re",
             "gets() cannot bound its input and always risks a buffer overflow",
             "Use fgets() with the buffer size, or std::getline."),
        rule("cpp-unbounded-string-function", "memory-safety", L, Severity::Medium,
             {"strcpy", "strcat", "sprintf", "vsprintf"},
             R"re((^|[^\w.>:])(std::)?(strcpy|strcat|sprintf|vsprintf)\s*\()re",
             "strcpy/strcat/sprintf write without a bound and can overflow the destination",
             "Use snprintf/strlcpy with the destination size, or std::string / std::format."),
        rule(
            "cpp-tls-verify-disabled", "tls", L, Severity::High,
            {"CURLOPT_SSL_VERIFY", "SSL_VERIFY_NONE", "VerifyNone"},
            R"re(CURLOPT_SSL_VERIFY(PEER|HOST)\s*,\s*(0L?|false|FALSE)\s*\)|SSL_VERIFY_NONE|VerifyNone)re",
            "TLS certificate or host-name verification is switched off", tlsFix()),
        rule(
            "cpp-weak-hash", "weak-crypto", L, Severity::Medium,
            {"MD5", "SHA1", "md5", "sha1", "Md5", "Sha1"},
            R"re(\b(MD5|SHA1)(_Init|_Update|_Final)?\s*\(|EVP_(md5|sha1)\s*\(|QCryptographicHash::(Md5|Sha1)\b)re",
            "MD5/SHA-1 used for a password, signature or token", weakHashFix()),
        rule(
            "cpp-weak-cipher", "weak-crypto", L, Severity::High,
            {"EVP_des", "EVP_rc4", "DES_", "RC4", "_ecb"},
            R"re(EVP_(des_\w+|rc4\w*)\s*\(|DES_(ecb|ncbc|set_key)\w*\s*\(|\bRC4\s*\(|EVP_aes_\d+_ecb\s*\()re",
            "DES, RC4 or ECB mode encryption", weakCipherFix()),
        sql("cpp-sql-concatenation", L, {"exec", "query", "prepare", "Query"},
            R"re((sqlite3_exec|exec|query|prepare|executeQuery)\s*\([^;]*("[^"]*"\s*\+|\+\s*"|sprintf|\.arg\s*\())re"),
    };
    rules[5].needsSecurityContext = true;
    return rules;
}

} // namespace builder::review
