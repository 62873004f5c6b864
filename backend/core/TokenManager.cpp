#include "TokenManager.h"

#include "AuditActions.h"
#include "AuditLog.h"
#include "common/AdminValidation.h"
#include "common/Uuid.h"
#include "security/TokenService.h"
#include "store/Database.h"
#include "store/Timestamps.h"
#include "store/TokenStore.h"

namespace builder::core {

namespace av1 = feature::admin::v1;
using common::Error;
using common::Result;
using store::Timestamps;

namespace {

av1::Role toProto(const std::string& role)
{
    const auto parsed = security::parseRole(role);
    if (!parsed)
        return av1::ROLE_UNSPECIFIED;
    switch (*parsed) {
    case security::Role::Engineer:
        return av1::ROLE_ENGINEER;
    case security::Role::Reviewer:
        return av1::ROLE_REVIEWER;
    case security::Role::Admin:
        return av1::ROLE_ADMIN;
    }
    return av1::ROLE_UNSPECIFIED;
}

security::Role fromProto(av1::Role role)
{
    switch (role) {
    case av1::ROLE_REVIEWER:
        return security::Role::Reviewer;
    case av1::ROLE_ADMIN:
        return security::Role::Admin;
    default:
        return security::Role::Engineer;
    }
}

av1::TokenInfo toInfo(const store::TokenRecord& r)
{
    av1::TokenInfo info;
    info.set_id(r.id);
    info.set_user(r.user);
    info.set_role(toProto(r.role));
    info.set_description(r.description);
    Timestamps::fromMillis(r.createdAtMillis, info.mutable_created_at());
    Timestamps::fromMillis(r.expiresAtMillis, info.mutable_expires_at());
    info.set_revoked(r.revokedAtMillis != 0);
    info.set_created_by(r.createdBy);
    return info;
}

} // namespace

TokenManager::TokenManager(std::shared_ptr<store::Database> db, security::TokenService& tokens)
    : m_db(std::move(db)), m_tokens(tokens)
{}

common::Status TokenManager::load()
{
    auto revoked = m_db->read([](store::Connection& c) -> Result<std::vector<std::string>> {
        return store::TokenStore::revokedIds(c);
    });
    if (!revoked.ok())
        return revoked.error();
    {
        std::lock_guard lock(m_mutex);
        m_revoked = {revoked->begin(), revoked->end()};
    }
    m_tokens.setRevocationCheck([this](const std::string& id) { return isRevoked(id); });
    return {};
}

bool TokenManager::isRevoked(const std::string& tokenId) const
{
    std::lock_guard lock(m_mutex);
    return m_revoked.contains(tokenId);
}

Result<std::string> TokenManager::issue(store::Database& db, const security::TokenService& tokens,
                                        const std::string& user, security::Role role,
                                        std::chrono::seconds ttl, const std::string& createdBy,
                                        const std::string& description, std::string* tokenId,
                                        const std::string& actorRole)
{
    const auto now = std::chrono::system_clock::now();
    store::TokenRecord record;
    record.id = common::Uuid::generateV4();
    record.user = user;
    record.role = security::toString(role);
    record.description = description;
    record.createdBy = createdBy;
    record.createdAtMillis = Timestamps::nowMillis();
    record.expiresAtMillis =
        record.createdAtMillis + std::chrono::duration_cast<std::chrono::milliseconds>(ttl).count();
    auto stored = db.write([&](store::Connection& c) -> Result<bool> {
        store::TokenStore::insert(c, record);
        AuditLog::append(c, AuditActor(createdBy, actorRole), AuditActions::kTokenCreate,
                         {AuditTargets::kToken, record.id},
                         {{"user", user},
                          {"role", record.role},
                          {"expires_at_ms", std::to_string(record.expiresAtMillis)}},
                         description);
        return true;
    });
    if (!stored.ok())
        return stored.error();
    if (tokenId)
        *tokenId = record.id;
    return tokens.issue(user, role, ttl, record.id, now);
}

Result<av1::CreateTokenResponse> TokenManager::create(const security::Principal& caller,
                                                      const av1::CreateTokenRequest& request)
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    const std::chrono::seconds ttl(request.has_ttl()
                                       ? request.ttl().seconds()
                                       : common::AdminValidation::kDefaultTokenTtlSeconds);
    std::string id;
    auto token = issue(*m_db, m_tokens, request.user(), fromProto(request.role()), ttl, caller.user,
                       request.description(), &id, security::toString(caller.role));
    if (!token.ok())
        return token.error();
    av1::CreateTokenResponse response;
    response.set_token(token.value());
    auto record = m_db->read([&](store::Connection& c) -> Result<store::TokenRecord> {
        auto found = store::TokenStore::findById(c, id);
        if (!found)
            return Error::internal("token record vanished");
        return *found;
    });
    if (!record.ok())
        return record.error();
    *response.mutable_info() = toInfo(record.value());
    return response;
}

Result<av1::ListTokensResponse> TokenManager::list(const av1::ListTokensRequest& request)
{
    return m_db->read([&](store::Connection& c) -> Result<av1::ListTokensResponse> {
        av1::ListTokensResponse response;
        for (const auto& r : store::TokenStore::list(c, request.include_revoked()))
            *response.add_tokens() = toInfo(r);
        return response;
    });
}

Result<av1::RevokeTokenResponse> TokenManager::revoke(const security::Principal& caller,
                                                      const av1::RevokeTokenRequest& request)
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    auto record = m_db->write([&](store::Connection& c) -> Result<store::TokenRecord> {
        const bool revokedNow = store::TokenStore::revoke(c, request.id(), Timestamps::nowMillis());
        auto found = store::TokenStore::findById(c, request.id());
        if (!found)
            return Error::notFound("token " + request.id() + " not found");
        if (revokedNow)
            AuditLog::append(c, caller, AuditActions::kTokenRevoke,
                             {AuditTargets::kToken, request.id()},
                             {{"user", found->user}, {"role", found->role}});
        return *found;
    });
    if (!record.ok())
        return record.error();
    {
        std::lock_guard lock(m_mutex);
        m_revoked.insert(request.id());
    }
    av1::RevokeTokenResponse response;
    *response.mutable_info() = toInfo(record.value());
    return response;
}

} // namespace builder::core
