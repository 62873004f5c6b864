#include "CredentialCipher.h"

#include "SecretFile.h"
#include "SodiumRuntime.h"

#include <sodium.h>

#include <cstdlib>

namespace builder::security {

using common::Error;
using common::Result;
using common::StatusCode;

namespace {

constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr const char* kOpenFailed =
    "credential could not be decrypted (wrong key or moved between repositories)";

static_assert(CredentialCipher::kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

const unsigned char* bytes(std::string_view text)
{
    return reinterpret_cast<const unsigned char*>(text.data());
}

std::string_view trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// Decodes 64 hex characters or any base64 flavour of exactly 32 bytes. The whole
// input must be consumed; no partial or lenient decoding.
bool decodeKey(std::string_view text, std::array<unsigned char, CredentialCipher::kKeyBytes>& out)
{
    std::size_t length = 0;
    const char* end = nullptr;
    if (text.size() == out.size() * 2 &&
        sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end) ==
            0 &&
        length == out.size() && end == text.data() + text.size())
        return true;

    // One byte of headroom so an over-long value is detected, not truncated.
    unsigned char buffer[CredentialCipher::kKeyBytes + 1];
    for (int variant : {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
                        sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
        if (sodium_base642bin(buffer, sizeof buffer, text.data(), text.size(), nullptr, &length,
                              &end, variant) == 0 &&
            length == out.size() && end == text.data() + text.size()) {
            std::copy(buffer, buffer + out.size(), out.begin());
            sodium_memzero(buffer, sizeof buffer);
            return true;
        }
    }
    sodium_memzero(buffer, sizeof buffer);
    sodium_memzero(out.data(), out.size());
    return false;
}

} // namespace

CredentialCipher::~CredentialCipher()
{
    sodium_memzero(m_key.data(), m_key.size());
}

Result<CredentialCipher> CredentialCipher::fromKey(std::string_view key)
{
    if (key.size() != kKeyBytes)
        return Error{StatusCode::InvalidArgument, "credential key must be exactly " +
                                                      std::to_string(kKeyBytes) + " bytes, got " +
                                                      std::to_string(key.size())};
    SodiumRuntime::ensure();
    CredentialCipher cipher;
    std::copy(key.begin(), key.end(), reinterpret_cast<char*>(cipher.m_key.data()));
    return cipher;
}

Result<CredentialCipher> CredentialCipher::fromEnvironmentOrFile(const std::string& keyFilePath)
{
    SodiumRuntime::ensure();
    const char* fromEnvironment = std::getenv(kKeyEnvironmentVariable);
    // An empty variable counts as unset: "VAR=" in a unit file means "not configured".
    if (fromEnvironment != nullptr && *fromEnvironment != '\0') {
        CredentialCipher cipher;
        if (!decodeKey(trimmed(fromEnvironment), cipher.m_key))
            return Error{StatusCode::FailedPrecondition,
                         std::string(kKeyEnvironmentVariable) +
                             " is malformed: expected 64 hex characters or the base64 "
                             "encoding of 32 bytes"};
        return cipher;
    }

    auto key = SecretFile::loadOrCreate(keyFilePath, kKeyBytes);
    if (!key)
        return key.error();
    auto cipher = fromKey(*key);
    sodium_memzero(key->data(), key->size());
    return cipher;
}

CredentialCipher::Sealed CredentialCipher::seal(std::string_view plaintext,
                                                std::string_view associatedData) const
{
    Sealed sealed;
    sealed.nonce.resize(kNonceBytes);
    randombytes_buf(sealed.nonce.data(), sealed.nonce.size());
    sealed.ciphertext.resize(plaintext.size() + kTagBytes);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(sealed.ciphertext.data()), &length, bytes(plaintext),
        plaintext.size(), bytes(associatedData), associatedData.size(), nullptr,
        bytes(sealed.nonce), m_key.data());
    sealed.ciphertext.resize(static_cast<std::size_t>(length));
    return sealed;
}

Result<std::string> CredentialCipher::open(const Sealed& sealed,
                                           std::string_view associatedData) const
{
    if (sealed.nonce.size() != kNonceBytes || sealed.ciphertext.size() < kTagBytes)
        return Error{StatusCode::DataLoss, kOpenFailed};

    // Decrypt straight into the returned string: no extra plaintext copies to wipe.
    std::string plaintext(sealed.ciphertext.size() - kTagBytes, '\0');
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plaintext.data()), &length, nullptr,
            bytes(sealed.ciphertext), sealed.ciphertext.size(), bytes(associatedData),
            associatedData.size(), bytes(sealed.nonce), m_key.data()) != 0) {
        sodium_memzero(plaintext.data(), plaintext.size());
        return Error{StatusCode::DataLoss, kOpenFailed};
    }
    plaintext.resize(static_cast<std::size_t>(length));
    return plaintext;
}

} // namespace builder::security
