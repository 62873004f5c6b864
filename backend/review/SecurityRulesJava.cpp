// Java and Kotlin security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::java()
{
    const auto L = Language::Java;
    std::vector<SecurityRule> rules = {
        rule("java-runtime-exec", "command-injection", L, Severity::High, {".exec("},
             R"re(getRuntime\(\)\.exec\s*\(\s*("[^"]*"\s*\+|[a-z]\w*\s*\+|String\.format\s*\())re",
             "Runtime.exec with a command string built by concatenation",
             "Use ProcessBuilder with one argument per element; never concatenate input into a "
             "command line."),
        rule(
            "java-processbuilder-shell", "command-injection", L, Severity::High,
            {"ProcessBuilder("},
            R"re(ProcessBuilder\s*\(\s*"(/bin/)?(sh|bash|cmd(\.exe)?)"\s*,\s*"(-c|/c)"\s*,\s*([^"\s]|"[^"]*"\s*\+))re",
            "ProcessBuilder runs 'sh -c' with a non-literal command",
            "Pass the program and its arguments to ProcessBuilder directly, without a shell."),
        rule(
            "java-deserialization", "deserialization", L, Severity::High,
            {"ObjectInputStream", "readObject(", "XMLDecoder", "fromXML(", "readUnshared("},
            R"re(new\s+ObjectInputStream\s*\(|\.readObject\s*\(\s*\)|new\s+XMLDecoder\s*\(|\.fromXML\s*\(|\.readUnshared\s*\()re",
            "Java native deserialisation (ObjectInputStream/XMLDecoder/XStream) of data that "
            "may be untrusted",
            deserializationFix()),
        rule("java-snakeyaml-unsafe", "deserialization", L, Severity::Medium, {"new Yaml("},
             R"re(new\s+Yaml\s*\(\s*\))re",
             "SnakeYAML without SafeConstructor can instantiate arbitrary classes",
             "Construct Yaml with a SafeConstructor (new Yaml(new SafeConstructor(...)))."),
        rule(
            "java-tls-trust-all", "tls", L, Severity::High,
            {"rustAll", "TrustAll", "ALLOW_ALL_HOSTNAME_VERIFIER", "NoopHostnameVerifier",
             "setHostnameVerifier", "InsecureTrustManagerFactory", "TrustSelfSignedStrategy"},
            R"re([Tt]rust[Aa]ll(Certs|Manager|Strategy)?|ALLOW_ALL_HOSTNAME_VERIFIER|NoopHostnameVerifier|setHostnameVerifier\s*\(\s*\(?[^)]*\)?\s*->\s*true|InsecureTrustManagerFactory|TrustSelfSignedStrategy)re",
            "a trust-all TrustManager or host-name verifier disables TLS verification", tlsFix()),
        rule("java-weak-hash", "weak-crypto", L, Severity::Medium, {"MessageDigest.getInstance"},
             R"re(MessageDigest\.getInstance\s*\(\s*"(MD5|MD2|SHA-?1)")re",
             "MD5/SHA-1 used for a password, signature or token", weakHashFix()),
        rule(
            "java-weak-cipher", "weak-crypto", L, Severity::High, {"Cipher.getInstance"},
            R"re(Cipher\.getInstance\s*\(\s*"((DES|DESede|RC4|RC2|ARCFOUR|Blowfish)[^"]*|AES|[^"]*/ECB/[^"]*)")re",
            "DES, RC4, Blowfish or ECB mode encryption (\"AES\" alone means AES/ECB)",
            weakCipherFix()),
        rule(
            "java-ssrf", "ssrf", L, Severity::High,
            {"new URL(", "getForObject(", "getForEntity(", "URI.create(", "exchange("},
            R"re((new\s+URL|getFor(Object|Entity)|URI\.create|exchange)\s*\([^)]*request\.getParameter\s*\()re",
            "HTTP request to a URL taken from the incoming request (server-side request forgery)",
            ssrfFix()),
        rule(
            "java-path-traversal", "path-traversal", L, Severity::High,
            {"new File(", "Paths.get(", "Path.of(", "FileInputStream(", "FileReader(",
             "FileOutputStream("},
            R"re((new\s+File|Paths\.get|Path\.of|new\s+FileInputStream|new\s+FileReader|new\s+FileOutputStream)\s*\([^;]*request\.getParameter\s*\()re",
            "file path built from request input without normalisation (path traversal)", pathFix()),
        rule("java-script-eval", "code-injection", L, Severity::Medium, {".eval("},
             R"re(\.eval\s*\(\s*("[^"]*"\s*\+|[a-z]\w*\s*\+|request\.))re",
             "ScriptEngine.eval of a script built from variables",
             "Do not evaluate scripts built from input; expose the needed operations directly."),
        sql("java-sql-concatenation", L,
            {"executeQuery", "executeUpdate", "execute(", "prepareStatement", "createQuery",
             "createNativeQuery", "addBatch"},
            R"re(\.(executeQuery|executeUpdate|execute|prepareStatement|createQuery|createNativeQuery|addBatch)\s*\(\s*("[^"]*"\s*\+|String\.format\s*\())re"),
    };
    rules[3].unless = {"SafeConstructor"};
    rules[5].needsSecurityContext = true;
    rules[8].unless = {"normalize()", "getCanonicalPath", "FilenameUtils.getName"};
    return rules;
}

} // namespace builder::review
