#pragma once

#include "Severity.h"

#include <string>
#include <vector>

namespace builder::review {

// How a secret rule finds its token.
enum class SecretKind
{
    Token,       // a literal anchor starts (or sits inside) a token of a known shape
    Keyed,       // a context word (key name) is followed by an assigned value of a known shape
    PrivateKey,  // a PEM/PGP "BEGIN ... PRIVATE KEY" header followed by key material
    UrlPassword, // scheme://user:password@host for the rule's schemes
    Assignment,  // generic `password = "..."`: key name + literal value + entropy threshold
};

// Extra proof a matched token must pass where its format carries one.
enum class SecretCheck
{
    None,
    GithubCrc32, // last 6 chars: base62 CRC32 of the 30 random chars (GitHub, npm)
    JwtHeader,   // first segment decodes to a JSON object naming "alg"
};

// One row of the secret rule table. Rules are data: the scanner compiles the
// patterns and feeds every anchor into one keyword automaton.
struct SecretRule
{
    std::string id;     // "github-pat-classic"
    std::string title;  // "GitHub personal access token (classic)"
    std::string family; // "vcs", "cloud", ...
    Severity severity = Severity::Critical;
    SecretKind kind = SecretKind::Token;
    // Token: literals the token starts with (after `lead`); Keyed/Assignment:
    // the key words; UrlPassword: the URL schemes; PrivateKey: the header text.
    std::vector<std::string> anchors;
    // Token: the shape from the anchor on; Keyed: the shape of the whole value.
    std::string pattern;
    // Token only: the shape of the part before the anchor, matched backwards.
    std::string lead;
    SecretCheck check = SecretCheck::None;
    double minEntropy = 0.0; // Shannon bits per character of the matched value
    std::string fixHint;     // empty: the family's standard advice
};

} // namespace builder::review
