#include "TokenService.h"

#include "SodiumRuntime.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <jwt.h>
#include <sodium.h>

#include <charconv>
#include <cstdlib>
#include <optional>
#include <stdexcept>

namespace builder::security {

using common::Error;
using common::Result;

namespace {

constexpr const char* kAlgorithm = "HS256";
constexpr std::size_t kSignatureBytes = crypto_auth_hmacsha256_BYTES;

struct JwtDeleter
{
    void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

struct MallocDeleter
{
    void operator()(char* text) const { std::free(text); }
};
using MallocString = std::unique_ptr<char, MallocDeleter>;

Error reject(const char* message)
{
    return Error::unauthenticated(message);
}

bool isBase64UrlSegment(std::string_view segment)
{
    for (char c : segment) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

// Strict base64url without padding; libsodium also refuses non-zero trailing bits,
// so every byte string has exactly one accepted encoding.
std::optional<std::string> decodeSegment(std::string_view segment)
{
    std::string out(segment.size() * 3 / 4 + 1, '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), segment.data(),
                          segment.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

std::int64_t epochSeconds(std::chrono::system_clock::time_point time)
{
    return std::chrono::floor<std::chrono::seconds>(time.time_since_epoch()).count();
}

// Checks the JOSE header with our own parser, so libjwt never decides which
// algorithm applies: only HS256, no "none" in any spelling, no critical extensions.
std::optional<Error> checkHeader(std::string_view encodedHeader)
{
    const auto header = decodeSegment(encodedHeader);
    if (!header)
        return reject("token is malformed");
    QJsonParseError parseError{};
    const auto document =
        QJsonDocument::fromJson(QByteArray(header->data(), qsizetype(header->size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return reject("token is malformed");
    const QJsonObject object = document.object();
    const QJsonValue alg = object.value(QLatin1String("alg"));
    if (!alg.isString() || alg.toString() != QLatin1String(kAlgorithm))
        return reject("token algorithm is not accepted (only HS256)");
    const QJsonValue typ = object.value(QLatin1String("typ"));
    if (!typ.isUndefined() &&
        (!typ.isString() || typ.toString().compare(QLatin1String("JWT"), Qt::CaseInsensitive) != 0))
        return reject("token type is not accepted");
    if (object.contains(QLatin1String("crit")))
        return reject("token uses unsupported critical header parameters");
    return std::nullopt;
}

// HMAC-SHA256 of "header.payload", compared in constant time. Done here as well as
// in libjwt so the decision rests on code whose comparison we control.
bool signatureMatches(const std::string& key, std::string_view signingInput,
                      std::string_view encodedSignature)
{
    const auto signature = decodeSegment(encodedSignature);
    if (!signature || signature->size() != kSignatureBytes)
        return false;
    crypto_auth_hmacsha256_state state;
    unsigned char expected[kSignatureBytes];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                                key.size());
    crypto_auth_hmacsha256_update(
        &state, reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size());
    crypto_auth_hmacsha256_final(&state, expected);
    sodium_memzero(&state, sizeof state);
    return sodium_memcmp(expected, signature->data(), kSignatureBytes) == 0;
}

std::string stringClaim(jwt_t* jwt, const char* name)
{
    const char* value = jwt_get_grant(jwt, name);
    return value ? std::string(value) : std::string();
}

// An integer claim; nullopt when absent. Sets malformed when present but not a
// JSON integer: libjwt's jwt_get_grant_int() silently reads strings and reals as 0.
std::optional<std::int64_t> intClaim(jwt_t* jwt, const char* name, bool& malformed)
{
    const MallocString json(jwt_get_grants_json(jwt, name));
    if (!json)
        return std::nullopt;
    const std::string_view text(json.get());
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        malformed = true;
        return std::nullopt;
    }
    return value;
}

// "aud" may be one string or an array of strings (RFC 7519 4.1.3).
bool audienceMatches(jwt_t* jwt, const std::string& audience)
{
    if (const char* single = jwt_get_grant(jwt, "aud"))
        return audience == single;
    const MallocString json(jwt_get_grants_json(jwt, "aud"));
    if (!json)
        return false;
    const auto document = QJsonDocument::fromJson(QByteArray(json.get()));
    if (!document.isArray())
        return false;
    const QString ours = QString::fromStdString(audience);
    for (const QJsonValue& entry : document.array()) {
        if (entry.isString() && entry.toString() == ours)
            return true;
    }
    return false;
}

} // namespace

TokenService::TokenService(std::string signingKey, std::string issuer, std::string audience)
    : m_key(std::move(signingKey)), m_issuer(std::move(issuer)), m_audience(std::move(audience))
{
    if (m_key.size() < kMinKeyBytes) {
        sodium_memzero(m_key.data(), m_key.size());
        throw std::invalid_argument("token signing key must be at least 32 bytes");
    }
    if (m_issuer.empty() || m_audience.empty())
        throw std::invalid_argument("token issuer and audience must not be empty");
    SodiumRuntime::ensure();
}

TokenService::~TokenService()
{
    sodium_memzero(m_key.data(), m_key.size());
}

std::string TokenService::issue(const std::string& user, Role role, std::chrono::seconds ttl,
                                const std::string& tokenId,
                                std::chrono::system_clock::time_point now) const
{
    if (user.empty())
        throw std::invalid_argument("a token needs a user");
    // libjwt hands claims back as C strings; an embedded NUL would verify as a prefix.
    if (user.find('\0') != std::string::npos || tokenId.find('\0') != std::string::npos)
        throw std::invalid_argument("token user and id must not contain NUL");
    if (ttl.count() <= 0)
        throw std::invalid_argument("a token needs a positive lifetime");

    std::string id = tokenId;
    if (id.empty()) {
        unsigned char random[16];
        randombytes_buf(random, sizeof random);
        char hex[sizeof random * 2 + 1];
        sodium_bin2hex(hex, sizeof hex, random, sizeof random);
        id = hex;
    }

    jwt_t* raw = nullptr;
    if (jwt_new(&raw) != 0)
        throw std::bad_alloc();
    const JwtPtr jwt(raw);
    const long issuedAt = static_cast<long>(epochSeconds(now));
    const bool built =
        jwt_add_grant(jwt.get(), "iss", m_issuer.c_str()) == 0 &&
        jwt_add_grant(jwt.get(), "aud", m_audience.c_str()) == 0 &&
        jwt_add_grant(jwt.get(), "sub", user.c_str()) == 0 &&
        jwt_add_grant(jwt.get(), "role", toString(role)) == 0 &&
        jwt_add_grant(jwt.get(), "jti", id.c_str()) == 0 &&
        jwt_add_grant_int(jwt.get(), "iat", issuedAt) == 0 &&
        jwt_add_grant_int(jwt.get(), "nbf", issuedAt) == 0 &&
        jwt_add_grant_int(jwt.get(), "exp", issuedAt + static_cast<long>(ttl.count())) == 0 &&
        jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(m_key.data()),
                    static_cast<int>(m_key.size())) == 0;
    if (!built)
        throw std::runtime_error("cannot build token");
    const MallocString encoded(jwt_encode_str(jwt.get()));
    if (!encoded)
        throw std::runtime_error("cannot encode token");
    return std::string(encoded.get());
}

Result<Principal> TokenService::verify(std::string_view token,
                                       std::chrono::system_clock::time_point now) const
{
    if (token.empty())
        return reject("token is empty");
    if (token.size() > kMaxTokenBytes)
        return reject("token is too large");

    const auto firstDot = token.find('.');
    const auto secondDot =
        firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos || token.find('.', secondDot + 1) != token.npos)
        return reject("token is malformed");
    const auto header = token.substr(0, firstDot);
    const auto payload = token.substr(firstDot + 1, secondDot - firstDot - 1);
    const auto signature = token.substr(secondDot + 1);
    if (header.empty() || payload.empty() || !isBase64UrlSegment(header) ||
        !isBase64UrlSegment(payload) || !isBase64UrlSegment(signature))
        return reject("token is malformed");

    if (auto headerError = checkHeader(header))
        return *headerError;
    if (signature.empty())
        return reject("token is not signed");
    if (!signatureMatches(m_key, token.substr(0, secondDot), signature))
        return reject("token signature is invalid");

    // Only now, with alg and signature established, let libjwt parse the claims.
    jwt_t* raw = nullptr;
    const std::string terminated(token);
    if (jwt_decode(&raw, terminated.c_str(), reinterpret_cast<const unsigned char*>(m_key.data()),
                   static_cast<int>(m_key.size())) != 0 ||
        raw == nullptr)
        return reject("token is malformed");
    const JwtPtr jwt(raw);
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return reject("token algorithm is not accepted (only HS256)");
    // libjwt accepts any JSON value as the claims set; RFC 7519 requires an object.
    if (const MallocString claims(jwt_get_grants_json(jwt.get(), nullptr));
        !claims || claims.get()[0] != '{')
        return reject("token is malformed");

    if (stringClaim(jwt.get(), "iss") != m_issuer)
        return reject("token issuer is not accepted");
    if (!audienceMatches(jwt.get(), m_audience))
        return reject("token audience is not accepted");

    bool malformed = false;
    const auto expires = intClaim(jwt.get(), "exp", malformed);
    const auto notBefore = intClaim(jwt.get(), "nbf", malformed);
    if (malformed)
        return reject("token time claims are malformed");
    if (!expires)
        return reject("token has no expiry");
    const std::int64_t nowSeconds = epochSeconds(now);
    if (*expires <= nowSeconds)
        return reject("token has expired");
    if (notBefore && *notBefore > nowSeconds + kNotBeforeLeeway.count())
        return reject("token is not yet valid");

    Principal principal;
    principal.user = stringClaim(jwt.get(), "sub");
    if (principal.user.empty())
        return reject("token has no subject");
    const std::string roleName = stringClaim(jwt.get(), "role");
    if (roleName.empty())
        return reject("token has no role");
    const auto role = parseRole(roleName);
    if (!role)
        return reject("token role is unknown");
    principal.role = *role;
    principal.tokenId = stringClaim(jwt.get(), "jti");
    if (principal.tokenId.empty())
        return reject("token has no id");

    if (const auto isRevoked = revocationCheck(); isRevoked && (*isRevoked)(principal.tokenId))
        return reject("token has been revoked");
    return principal;
}

void TokenService::setRevocationCheck(RevocationCheck isRevoked)
{
    auto check = isRevoked ? std::make_shared<const RevocationCheck>(std::move(isRevoked))
                           : std::shared_ptr<const RevocationCheck>();
    const std::lock_guard lock(m_revocationMutex);
    m_revocationCheck = std::move(check);
}

std::shared_ptr<const TokenService::RevocationCheck> TokenService::revocationCheck() const
{
    // Copy under the lock, call outside it: a slow store lookup must not
    // serialise every verification.
    const std::lock_guard lock(m_revocationMutex);
    return m_revocationCheck;
}

} // namespace builder::security
