#pragma once

#include "common/Result.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace builder::security {

// Encrypts repository credentials at rest (XChaCha20-Poly1305), bound to the repository id.
class CredentialCipher
{
public:
    static constexpr std::size_t kKeyBytes = 32;
    static constexpr const char* kKeyEnvironmentVariable = "BUILDER_CREDENTIAL_KEY";

    struct Sealed
    {
        std::string nonce;      // 24 random bytes, fresh for every seal
        std::string ciphertext; // ciphertext followed by the 16-byte tag

        bool operator==(const Sealed&) const = default;
    };

    // key must be exactly kKeyBytes bytes.
    static common::Result<CredentialCipher> fromKey(std::string_view key);

    // Key from BUILDER_CREDENTIAL_KEY (64 hex characters, or base64/base64url of
    // 32 bytes; a malformed value is an error), else the key file (created if missing).
    static common::Result<CredentialCipher> fromEnvironmentOrFile(const std::string& keyFilePath);

    CredentialCipher(const CredentialCipher& other) = default;
    CredentialCipher& operator=(const CredentialCipher& other) = default;
    ~CredentialCipher();

    // associatedData is the repository id: the ciphertext only opens for that row.
    Sealed seal(std::string_view plaintext, std::string_view associatedData) const;

    // DataLoss when the key, the associated data or any byte does not match.
    common::Result<std::string> open(const Sealed& sealed, std::string_view associatedData) const;

private:
    CredentialCipher() = default;

    std::array<unsigned char, kKeyBytes> m_key{};
};

} // namespace builder::security
