#include "TokenStore.h"

#include "Connection.h"

namespace builder::store {

namespace {
constexpr const char* kColumns =
    "id, user_name, role, description, created_by, created_at, expires_at, revoked_at";

TokenRecord readRow(const Statement& s)
{
    return TokenRecord{s.text(0), s.text(1),  s.text(2),  s.text(3),
                       s.text(4), s.int64(5), s.int64(6), s.int64(7)};
}
} // namespace

void TokenStore::insert(Connection& c, const TokenRecord& t)
{
    auto s = c.prepare(std::string("INSERT INTO api_tokens (") + kColumns +
                       ") VALUES (?,?,?,?,?,?,?,?)");
    s.bind(1, t.id)
        .bind(2, t.user)
        .bind(3, t.role)
        .bind(4, t.description)
        .bind(5, t.createdBy)
        .bind(6, t.createdAtMillis)
        .bind(7, t.expiresAtMillis)
        .bind(8, t.revokedAtMillis);
    s.run();
}

std::optional<TokenRecord> TokenStore::findById(Connection& c, const std::string& id)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM api_tokens WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

std::vector<TokenRecord> TokenStore::list(Connection& c, bool includeRevoked)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns +
                       " FROM api_tokens WHERE (? OR revoked_at = 0) ORDER BY created_at");
    s.bind(1, includeRevoked ? 1 : 0);
    std::vector<TokenRecord> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

bool TokenStore::revoke(Connection& c, const std::string& id, std::int64_t atMillis)
{
    auto s = c.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = 0");
    s.bind(1, atMillis).bind(2, id);
    s.run();
    return c.changes() > 0;
}

std::vector<std::string> TokenStore::revokedIds(Connection& c)
{
    auto s = c.prepare("SELECT id FROM api_tokens WHERE revoked_at != 0");
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

} // namespace builder::store
