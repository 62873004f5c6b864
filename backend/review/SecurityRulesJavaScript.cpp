// JavaScript and TypeScript security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::javascript()
{
    const auto L = Language::JavaScript;
    std::vector<SecurityRule> rules = {
        rule(
            "js-child-process-exec", "command-injection", L, Severity::High, {"exec"},
            R"re((^|[^\w$.]|child_process\.|cp\.)(exec|execSync)\s*\(\s*(`[^`]*\$\{|["'][^"']*["']\s*\+|[A-Za-z_$][\w$.]*\s*\+))re",
            "child_process.exec runs a shell command built with a template string or "
            "concatenation",
            "Use execFile/spawn with an argument array (no shell), and validate the values."),
        rule("js-spawn-shell", "command-injection", L, Severity::Medium,
             {"shell: true", "shell:true"},
             R"re((spawn|spawnSync|execFile|execFileSync)\s*\([\s\S]*shell\s*:\s*true)re",
             "spawn/execFile with shell: true parses the command line in a shell",
             "Drop shell: true and pass the arguments as an array."),
        rule("js-eval", "code-injection", L, Severity::High,
             {"eval(", "eval (", "Function(", "setTimeout(", "setInterval("},
             R"re((^|[^\w.$])eval\s*\(|new\s+Function\s*\(|set(Timeout|Interval)\s*\(\s*["'`])re",
             "eval/new Function/string timer runs code built at run time",
             "Parse data with JSON.parse and call functions directly instead of evaluating "
             "strings."),
        rule(
            "js-node-serialize", "deserialization", L, Severity::Critical,
            {"node-serialize", "unserialize("},
            R"re(require\s*\(\s*["']node-serialize["']\s*\)|from\s+["']node-serialize["']|\.unserialize\s*\()re",
            "node-serialize unserialize() executes functions embedded in the data",
            deserializationFix()),
        rule(
            "js-tls-verify-disabled", "tls", L, Severity::High,
            {"rejectUnauthorized", "NODE_TLS_REJECT_UNAUTHORIZED", "strictSSL",
             "checkServerIdentity"},
            R"re(rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*["']?0|strictSSL\s*:\s*false|checkServerIdentity\s*:\s*\(\s*\)\s*=>\s*(undefined|null|\{\s*\}))re",
            "TLS certificate verification is switched off", tlsFix()),
        rule("js-weak-hash", "weak-crypto", L, Severity::Medium, {"createHash", "createHmac"},
             R"re(create(Hash|Hmac)\s*\(\s*["'](md5|md4|sha1)["'])re",
             "MD5/SHA-1 used for a password, signature or token", weakHashFix()),
        rule(
            "js-weak-cipher", "weak-crypto", L, Severity::High, {"createCipher", "createDecipher"},
            R"re(create(De)?[Cc]ipher(iv)?\s*\(\s*["'](des|rc4|bf|blowfish|aes-\d+-ecb)[^"']*["']|create(De)?[Cc]ipher\s*\()re",
            "DES, RC4, Blowfish, ECB mode or IV-less createCipher", weakCipherFix()),
        rule(
            "js-ssrf", "ssrf", L, Severity::High,
            {"fetch(", "axios", "http.get(", "https.get(", "http.request(", "https.request(",
             "got(", "superagent"},
            R"re((fetch|axios(\.(get|post|put|delete|request))?|https?\.(get|request)|got|superagent\.(get|post))\s*\(\s*[^)]*\breq\.(query|params|body)\b)re",
            "HTTP request to a URL taken from the incoming request (server-side request forgery)",
            ssrfFix()),
        rule(
            "js-path-traversal", "path-traversal", L, Severity::High,
            {"readFile", "sendFile", "createReadStream", "path.join(", "path.resolve(", "writeFile",
             "download("},
            R"re((readFile(Sync)?|sendFile|createReadStream|writeFile(Sync)?|download|path\.(join|resolve))\s*\([^)]*\breq\.(query|params|body)\b)re",
            "file path built from request input without normalisation (path traversal)", pathFix()),
        sql("js-sql-concatenation", L, {"query", "execute", "raw(", "run(", ".all(", "exec("},
            R"re(\.(query|execute|raw|run|all|get|exec|unsafe)\s*\(\s*(`[^`]*\$\{|["'][^"']*["']\s*\+))re"),
    };
    rules[1].window = 3;
    rules[5].needsSecurityContext = true;
    rules[8].unless = {"path.basename", "path.normalize", "sanitize"};
    return rules;
}

} // namespace builder::review
