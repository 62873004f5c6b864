#include "AuditStore.h"

#include "Connection.h"
#include "PageToken.h"
#include "ServiceStateStore.h"

namespace builder::store {

namespace {

constexpr const char* kColumns = "seq, id, actor, role, action, target_type, target_id, reason, "
                                 "details, created_at, previous_hash, hash";
constexpr const char* kHeadKey = "audit.head";
constexpr const char* kTokenKind = "audit";

AuditRecord readRow(const Statement& s)
{
    AuditRecord r;
    r.seq = s.int64(0);
    r.id = s.text(1);
    r.actor = s.text(2);
    r.role = s.text(3);
    r.action = s.text(4);
    r.targetType = s.text(5);
    r.targetId = s.text(6);
    r.reason = s.text(7);
    r.details = s.text(8);
    r.createdAtMillis = s.int64(9);
    r.previousHash = s.text(10);
    r.hash = s.text(11);
    return r;
}

} // namespace

void AuditStore::insert(Connection& c, const AuditRecord& r)
{
    auto s = c.prepare(std::string("INSERT INTO audit_log (") + kColumns +
                       ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, r.seq)
        .bind(2, r.id)
        .bind(3, r.actor)
        .bind(4, r.role)
        .bind(5, r.action)
        .bind(6, r.targetType)
        .bind(7, r.targetId)
        .bind(8, r.reason)
        .bind(9, r.details)
        .bind(10, r.createdAtMillis)
        .bind(11, r.previousHash)
        .bind(12, r.hash);
    s.run();
}

std::optional<AuditRecord> AuditStore::last(Connection& c)
{
    auto s =
        c.prepare(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

common::Result<Page<AuditRecord>> AuditStore::list(Connection& c, const AuditQuery& q)
{
    std::int64_t before = INT64_MAX;
    if (!q.pageToken.empty()) {
        auto token = PageToken::decode(q.pageToken, kTokenKind);
        bool valid = token.has_value();
        if (valid) {
            try {
                before = std::stoll(token->sortKey);
            } catch (...) {
                valid = false;
            }
        }
        if (!valid)
            return common::Error::invalid("pagination.page_token", "page_token.valid",
                                          "page_token is not a token returned by this listing");
    }
    const std::string filter = " WHERE (? = '' OR actor = ?) AND (? = '' OR action = ?) AND "
                               "created_at >= ?";
    Page<AuditRecord> page;
    {
        auto count = c.prepare("SELECT COUNT(*) FROM audit_log" + filter);
        count.bind(1, q.actor).bind(2, q.actor).bind(3, q.action).bind(4, q.action);
        count.bind(5, q.sinceMillis);
        page.totalCount = count.step() ? static_cast<int>(count.int64(0)) : 0;
    }
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM audit_log" + filter +
                       " AND seq < ? ORDER BY seq DESC LIMIT ?");
    s.bind(1, q.actor).bind(2, q.actor).bind(3, q.action).bind(4, q.action);
    s.bind(5, q.sinceMillis).bind(6, before).bind(7, q.pageSize + 1);
    while (s.step())
        page.items.push_back(readRow(s));
    if (static_cast<int>(page.items.size()) > q.pageSize) {
        page.items.pop_back();
        const auto& last = page.items.back();
        page.nextPageToken = PageToken{kTokenKind, std::to_string(last.seq), last.id}.encode();
    }
    return page;
}

void AuditStore::forEach(Connection& c, const std::function<bool(const AuditRecord&)>& visit)
{
    auto s = c.prepareOnce(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq");
    while (s.step())
        if (!visit(readRow(s)))
            return;
}

std::optional<AuditHead> AuditStore::head(Connection& c)
{
    const auto value = ServiceStateStore::get(c, kHeadKey);
    if (!value)
        return std::nullopt;
    const auto colon = value->find(':');
    if (colon == std::string::npos)
        return AuditHead{-1, *value}; // unreadable: verification reports it
    try {
        return AuditHead{std::stoll(value->substr(0, colon)), value->substr(colon + 1)};
    } catch (...) {
        return AuditHead{-1, *value};
    }
}

void AuditStore::setHead(Connection& c, const AuditHead& head)
{
    ServiceStateStore::put(c, kHeadKey, std::to_string(head.seq) + ":" + head.hash);
}

} // namespace builder::store
