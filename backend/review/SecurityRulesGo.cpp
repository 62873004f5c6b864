// Go security patterns.
#include "SecurityRuleTable.h"

namespace builder::review {

std::vector<SecurityRule> SecurityRuleTable::go()
{
    const auto L = Language::Go;
    std::vector<SecurityRule> rules = {
        rule(
            "go-command-injection", "command-injection", L, Severity::High, {"exec.Command"},
            R"re(exec\.Command(Context)?\s*\(\s*(ctx\s*,\s*)?("(/bin/)?(sh|bash|zsh|cmd|powershell)"\s*,\s*"(-c|/c|/C|-Command)"\s*,\s*([^"\s]|"[^"]*"\s*\+)|fmt\.Sprintf\s*\(|"[^"]*"\s*\+))re",
            "exec.Command runs a shell command (or a program name) built from variables",
            "Call exec.Command with the program and separate arguments; never pass "
            "user-controlled text to 'sh -c'."),
        rule("go-tls-insecure-skip-verify", "tls", L, Severity::High, {"InsecureSkipVerify"},
             R"re(InsecureSkipVerify\s*:\s*true)re",
             "tls.Config with InsecureSkipVerify: true accepts any certificate", tlsFix()),
        rule("go-weak-hash", "weak-crypto", L, Severity::Medium, {"md5.", "sha1."},
             R"re(\b(md5|sha1)\.(New|Sum)\s*\()re",
             "MD5/SHA-1 used for a password, signature or token", weakHashFix()),
        rule("go-weak-cipher", "weak-crypto", L, Severity::High, {"des.New", "rc4.New"},
             R"re(\b(des\.New(Triple)?Cipher|rc4\.NewCipher)\s*\()re", "DES or RC4 encryption",
             weakCipherFix()),
        rule(
            "go-ssrf", "ssrf", L, Severity::High, {"http.", ".Get("},
            R"re((http\.(Get|Post|Head|PostForm)|http\.NewRequest(WithContext)?|client\.(Get|Post|Head))\s*\([^;]*\b((r|req|request)\.(URL\.Query\(\)|FormValue|PostFormValue|Form\.Get)|(c|ctx)\.(Query|Param|PostForm)\s*\())re",
            "HTTP request to a URL taken from the incoming request (server-side request forgery)",
            ssrfFix()),
        rule(
            "go-path-traversal", "path-traversal", L, Severity::High,
            {"filepath.Join", "path.Join", "os.Open", "os.ReadFile", "os.Create", "os.Remove",
             "ioutil.ReadFile", "http.ServeFile"},
            R"re((filepath\.Join|path\.Join|os\.(Open|OpenFile|ReadFile|Create|Remove|RemoveAll)|ioutil\.ReadFile|http\.ServeFile)\s*\([^;]*\b((r|req)\.(URL\.Query\(\)\.Get|FormValue|PostFormValue)|mux\.Vars|(c|ctx)\.(Param|Query|PostForm))\s*\()re",
            "file path built from request input without normalisation (path traversal)", pathFix()),
        sql("go-sql-concatenation", L, {"Query", "Exec", "Prepare"},
            R"re(\.(Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Prepare|PrepareContext)\s*\(\s*(ctx\s*,\s*)?(fmt\.Sprintf\s*\(|"[^"]*"\s*\+))re"),
    };
    rules[2].needsSecurityContext = true;
    rules[5].unless = {"filepath.Clean", "filepath.Base", "securejoin", "filepath.Rel"};
    return rules;
}

} // namespace builder::review
