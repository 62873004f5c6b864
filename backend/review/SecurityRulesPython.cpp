// Python security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::python()
{
    const auto L = Language::Python;
    std::vector<SecurityRule> rules = {
        rule(
            "py-subprocess-shell-formatted", "command-injection", L, Severity::High,
            {"shell=True", "shell = True"},
            R"re((call|run|Popen|check_output|check_call|getoutput)\s*\(\s*(f["']|["'][^"']*["']\s*(%|\.format\s*\(|\+)|[A-Za-z_][\w.\[\]]*\s*(,|\+))[^\n]*shell\s*=\s*True)re",
            "subprocess with shell=True runs a command built from variables",
            "Pass an argument list without shell=True (subprocess.run([...])); if a shell is "
            "unavoidable, quote every value with shlex.quote."),
        rule("py-subprocess-shell", "command-injection", L, Severity::Medium,
             {"shell=True", "shell = True"}, "",
             "subprocess with shell=True: the command line is parsed by a shell",
             "Pass an argument list without shell=True."),
        rule(
            "py-os-system", "command-injection", L, Severity::High,
            {"os.system", "os.popen", "commands.getoutput"},
            R"re((os\.(system|popen)|commands\.getoutput)\s*\(\s*(f["']|["'][^"']*["']\s*(%|\.format\s*\(|\+)|[A-Za-z_]))re",
            "os.system/os.popen with a command built from variables",
            "Use subprocess.run with an argument list and no shell."),
        rule(
            "py-pickle", "deserialization", L, Severity::High,
            {"pickle.load", "Pickle.load", "dill.load", "joblib.load", "jsonpickle.decode",
             "shelve.open"},
            R"re(\b(c?[Pp]ickle|dill|joblib)\.loads?\s*\(|jsonpickle\.decode\s*\(|shelve\.open\s*\()re",
            "pickle-style deserialisation can execute code from the data", deserializationFix()),
        rule("py-yaml-load", "deserialization", L, Severity::High,
             {"yaml.load", "yaml.unsafe_load", "yaml.full_load"},
             R"re(yaml\.(load|load_all|unsafe_load|unsafe_load_all|full_load)\s*\()re",
             "yaml.load without SafeLoader can construct arbitrary Python objects",
             "Use yaml.safe_load (or Loader=yaml.SafeLoader)."),
        rule("py-marshal", "deserialization", L, Severity::Medium, {"marshal.load"},
             R"re(marshal\.loads?\s*\()re", "marshal.load on data that may be untrusted",
             deserializationFix()),
        rule("py-eval", "code-injection", L, Severity::High, {"eval(", "exec(", "eval (", "exec ("},
             R"re((^|[^\w.])(eval|exec)\s*\()re", "eval/exec runs Python code built at run time",
             "Parse the data instead (json.loads, ast.literal_eval for literals) or dispatch "
             "through an explicit table."),
        rule("py-tls-verify-disabled", "tls", L, Severity::High,
             {"verify=False", "verify = False", "CERT_NONE", "_create_unverified_context",
              "check_hostname = False", "check_hostname=False"},
             "", "TLS certificate verification is switched off", tlsFix()),
        rule(
            "py-weak-hash", "weak-crypto", L, Severity::Medium,
            {"hashlib.md5", "hashlib.sha1", "hashlib.new", "MD5.new", "SHA.new", "SHA1.new"},
            R"re(hashlib\.(md5|sha1)\s*\(|hashlib\.new\s*\(\s*["'](md5|sha1)["']|\b(MD5|SHA|SHA1)\.new\s*\()re",
            "MD5/SHA-1 used for a password, signature or token", weakHashFix()),
        rule(
            "py-weak-cipher", "weak-crypto", L, Severity::High,
            {"DES.new", "DES3.new", "ARC4.new", "Blowfish.new", "MODE_ECB", "TripleDES", "ARC4",
             "modes.ECB"},
            R"re(\b(DES3?|ARC4|Blowfish)\.new\s*\(|MODE_ECB|algorithms\.(TripleDES|ARC4|Blowfish)|modes\.ECB)re",
            "DES, RC4, Blowfish or ECB mode encryption", weakCipherFix()),
        rule(
            "py-ssrf", "ssrf", L, Severity::High, {"requests.", "httpx.", "urlopen"},
            R"re(((requests|httpx)\.(get|post|put|delete|head|patch|request)|urlopen)\s*\([^)]*\brequest\.(args|GET|POST|form|values|json|data|query_params))re",
            "HTTP request to a URL taken from the incoming request (server-side request forgery)",
            ssrfFix()),
        rule(
            "py-path-traversal", "path-traversal", L, Severity::High,
            {"open(", "os.path.join", "send_file", "send_from_directory", "Path("},
            R"re((\bopen|os\.path\.join|send_file|Path)\s*\([^)]*\brequest\.(args|GET|POST|form|values|files|view_args|query_params))re",
            "file path built from request input without normalisation (path traversal)", pathFix()),
        sql("py-sql-concatenation", L, {"execute", "raw(", "executescript", "text("},
            R"re((execute|executemany|executescript|raw|text)\s*\(\s*(f["'][^"']*\{|["'][^"']*["']\s*(%\s*[\w(]|\.format\s*\(|\+\s*\w)))re"),
    };
    rules[4].unless = {"SafeLoader", "CSafeLoader", "BaseLoader", "safe_load"};
    rules[6].unless = {"literal_eval"};
    rules[8].needsSecurityContext = true;
    rules[8].unless = {"usedforsecurity=False", "usedforsecurity = False"};
    rules[11].unless = {"secure_filename", "normpath", "realpath", "abspath", "safe_join"};
    return rules;
}

} // namespace builder::review
