#include "AuditLog.h"

#include "common/AdminValidation.h"
#include "common/Uuid.h"
#include "store/AuditStore.h"
#include "store/Database.h"
#include "store/Timestamps.h"

#include <google/protobuf/util/json_util.h>

namespace builder::core {

namespace av1 = feature::admin::v1;
using common::Error;
using common::Result;

namespace {

av1::Role roleOf(const std::string& role)
{
    if (role == "engineer")
        return av1::ROLE_ENGINEER;
    if (role == "reviewer")
        return av1::ROLE_REVIEWER;
    if (role == "admin")
        return av1::ROLE_ADMIN;
    return av1::ROLE_UNSPECIFIED;
}

void toEntry(const store::AuditRecord& r, av1::AuditEntry* e)
{
    e->set_id(r.id);
    e->set_actor(r.actor);
    e->set_role(roleOf(r.role));
    e->set_action(r.action);
    e->set_target_type(r.targetType);
    e->set_target_id(r.targetId);
    e->set_reason(r.reason);
    // Details are stored as the JSON object that was hashed; an edited,
    // unparsable value shows up empty here and broken in the chain status.
    (void)google::protobuf::util::JsonStringToMessage(r.details, e->mutable_details());
    store::Timestamps::fromMillis(r.createdAtMillis, e->mutable_created_at());
    e->set_sequence(static_cast<std::uint64_t>(r.seq));
    e->set_hash(r.hash);
    e->set_previous_hash(r.previousHash);
}

void toChain(const AuditChain::Status& s, av1::AuditChainStatus* out)
{
    out->set_intact(s.intact);
    out->set_verified_entries(static_cast<std::uint64_t>(s.verifiedEntries));
    out->set_first_broken_sequence(static_cast<std::uint64_t>(s.firstBrokenSeq));
    out->set_problem(s.problem);
    out->set_head_hash(s.headHash);
}

} // namespace

AuditLog::AuditLog(std::shared_ptr<store::Database> db, int defaultPageSize)
    : m_db(std::move(db)), m_defaultPageSize(defaultPageSize)
{}

void AuditLog::record(store::Connection& c, const AuditActor& actor, std::string_view action,
                      const AuditTarget& target, const AuditDetails& details,
                      std::string_view reason) const
{
    append(c, actor, action, target, details, reason);
}

void AuditLog::append(store::Connection& c, const AuditActor& actor, std::string_view action,
                      const AuditTarget& target, const AuditDetails& details,
                      std::string_view reason)
{
    const auto previous = store::AuditStore::last(c);
    store::AuditRecord r;
    r.seq = previous ? previous->seq + 1 : 1;
    r.id = common::Uuid::generateV4();
    r.actor = actor.user;
    r.role = actor.role;
    r.action = std::string(action);
    r.targetType = target.type;
    r.targetId = target.id;
    r.reason = std::string(reason);
    r.details = AuditChain::detailsJson(details);
    r.createdAtMillis = store::Timestamps::nowMillis();
    r.previousHash = previous ? previous->hash : AuditChain::genesis();
    r.hash = AuditChain::hashOf(r.previousHash, r);
    store::AuditStore::insert(c, r);
    store::AuditStore::setHead(c, {r.seq, r.hash});
}

Result<av1::ListAuditResponse> AuditLog::list(const av1::ListAuditRequest& request) const
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    store::AuditQuery query;
    query.actor = request.actor();
    query.action = request.action();
    if (request.has_since())
        query.sinceMillis = store::Timestamps::toMillis(request.since());
    query.pageSize =
        request.pagination().page_size() > 0 ? request.pagination().page_size() : m_defaultPageSize;
    query.pageToken = request.pagination().page_token();
    return m_db->read([&](store::Connection& c) -> Result<av1::ListAuditResponse> {
        auto page = store::AuditStore::list(c, query);
        if (!page.ok())
            return page.error();
        av1::ListAuditResponse response;
        for (const auto& r : page->items)
            toEntry(r, response.add_entries());
        response.mutable_pagination()->set_next_page_token(page->nextPageToken);
        response.mutable_pagination()->set_total_count(page->totalCount);
        toChain(AuditChain::verify(c), response.mutable_chain());
        return response;
    });
}

Result<AuditChain::Status> AuditLog::verify() const
{
    return m_db->read(
        [](store::Connection& c) -> Result<AuditChain::Status> { return AuditChain::verify(c); });
}

} // namespace builder::core
