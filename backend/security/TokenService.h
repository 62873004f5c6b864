#pragma once

#include "Role.h"
#include "common/Result.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace builder::security {

// Issues and verifies HS256 JWT bearer tokens; verify() is safe to call concurrently.
class TokenService
{
public:
    static constexpr std::size_t kMinKeyBytes = 32;
    static constexpr std::size_t kMaxTokenBytes = 8192;
    // Clock skew tolerated for "nbf" only; "exp" is strict.
    static constexpr std::chrono::seconds kNotBeforeLeeway{30};

    using RevocationCheck = std::function<bool(const std::string& tokenId)>;

    // Throws std::invalid_argument when signingKey is shorter than kMinKeyBytes
    // (a configuration bug, not a runtime condition) or issuer/audience are empty.
    explicit TokenService(std::string signingKey, std::string issuer = "builderd",
                          std::string audience = "builder");
    ~TokenService();

    TokenService(const TokenService&) = delete;
    TokenService& operator=(const TokenService&) = delete;

    // A compact JWS with iss, aud, sub, role, iat, nbf, exp, jti. An empty tokenId
    // gets a random 128-bit one, because a token without jti cannot be verified.
    // Throws std::invalid_argument for an empty user, a NUL in user or tokenId,
    // or a non-positive ttl.
    std::string
    issue(const std::string& user, Role role, std::chrono::seconds ttl, const std::string& tokenId,
          std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const;

    // Unauthenticated with a fixed message (never the token) for any defect.
    common::Result<Principal>
    verify(std::string_view token,
           std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const;

    // isRevoked runs on the verifying thread, possibly on many at once.
    void setRevocationCheck(RevocationCheck isRevoked);

    const std::string& issuer() const { return m_issuer; }
    const std::string& audience() const { return m_audience; }

private:
    std::shared_ptr<const RevocationCheck> revocationCheck() const;

    std::string m_key;
    std::string m_issuer;
    std::string m_audience;
    mutable std::mutex m_revocationMutex;
    std::shared_ptr<const RevocationCheck> m_revocationCheck;
};

} // namespace builder::security
