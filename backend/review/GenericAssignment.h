#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace builder::review {

// The entropy-based generic rules: a key named like a credential assigned a
// literal that looks random enough to be one. Thresholds (documented in
// shared/docs/review.md):
// - password-like keys (password, passwd, pwd, passphrase): at least
//   kPasswordMinLength characters, kPasswordMinEntropy bits/char, two character classes;
// - secret-like keys (secret, token, api_key, access_key, client_secret, ...): at
//   least kSecretMinLength characters, kSecretMinEntropy bits/char, two classes;
// - at most kMaxLength characters, no whitespace, not a dummy value, UUID, path,
//   URL, variable reference or expression; in code the value must be a quoted
//   literal, in config files (.env, YAML, TOML, INI, properties, shell) it may be bare.
class GenericAssignment
{
public:
    static constexpr std::size_t kPasswordMinLength = 8;
    static constexpr double kPasswordMinEntropy = 2.5;
    static constexpr std::size_t kSecretMinLength = 16;
    static constexpr double kSecretMinEntropy = 3.0;
    static constexpr std::size_t kMaxLength = 200;

    struct Hit
    {
        std::size_t begin = 0; // the value
        std::size_t end = 0;
        std::string key;
    };

    // The key word occupies line[wordBegin, wordEnd).
    static std::optional<Hit> check(std::string_view line, std::size_t wordBegin,
                                    std::size_t wordEnd, bool passwordLike, bool configFile);
    static bool isConfigFile(std::string_view path);
};

} // namespace builder::review
