#pragma once

#include "AuditActor.h"
#include "AuditChain.h"
#include "common/Result.h"
#include "feature/admin/v1/admin.pb.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace builder::store {
class Connection;
class Database;
} // namespace builder::store

namespace builder::core {

// Free-form facts of an audit entry (never secrets): sorted, so the entry's
// canonical form, and with it its hash, does not depend on insertion order.
using AuditDetails = std::map<std::string, std::string>;

// The append-only, hash-chained record of security-relevant actions: who did
// what to which target, when and why. Callers record inside their own write
// transaction, so the entry commits (or rolls back) with the action itself.
class AuditLog
{
public:
    explicit AuditLog(std::shared_ptr<store::Database> db, int defaultPageSize = 50);

    // Appends one entry linked to the previous one. Only inside Database::write();
    // throws store::StoreError like the stores do (the transaction rolls back).
    void record(store::Connection& c, const AuditActor& actor, std::string_view action,
                const AuditTarget& target, const AuditDetails& details = {},
                std::string_view reason = {}) const;
    // The same, for code that holds no AuditLog (managers recording their own
    // actions, `builderd token create`): the log's state is all in the database.
    static void append(store::Connection& c, const AuditActor& actor, std::string_view action,
                       const AuditTarget& target, const AuditDetails& details = {},
                       std::string_view reason = {});

    // A page of entries, newest first, filtered by actor, action and time, with
    // the result of verifying the whole chain (ListAuditResponse.chain).
    common::Result<feature::admin::v1::ListAuditResponse>
    list(const feature::admin::v1::ListAuditRequest& request) const;

    // Verifies every entry and the head anchor.
    common::Result<AuditChain::Status> verify() const;

private:
    std::shared_ptr<store::Database> m_db;
    int m_defaultPageSize;
};

} // namespace builder::core
