#pragma once

#include "Page.h"
#include "common/Result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace builder::store {

class Connection;

// One row of the append-only audit log, as stored: the hash covers every other
// field (see core::AuditChain), so an edited row no longer matches it.
struct AuditRecord
{
    std::int64_t seq = 0;
    std::string id;
    std::string actor;
    std::string role; // "engineer", "reviewer", "admin", or "" for builderd itself
    std::string action;
    std::string targetType;
    std::string targetId;
    std::string reason;
    std::string details; // canonical JSON object of string values
    std::int64_t createdAtMillis = 0;
    std::string previousHash;
    std::string hash;
};

struct AuditQuery
{
    std::string actor;
    std::string action;
    std::int64_t sinceMillis = 0; // inclusive; 0 = unbounded
    int pageSize = 50;
    std::string pageToken;
};

// The newest entry's sequence number and hash, kept apart from the rows so
// that removing the last entries is noticed too.
struct AuditHead
{
    std::int64_t seq = 0;
    std::string hash;
};

class AuditStore
{
public:
    static void insert(Connection& c, const AuditRecord& record);
    // The newest row, if any.
    static std::optional<AuditRecord> last(Connection& c);
    // Newest first, filtered; keyset pages over seq.
    static common::Result<Page<AuditRecord>> list(Connection& c, const AuditQuery& query);
    // Every row in sequence order, for verification; stop by returning false.
    static void forEach(Connection& c, const std::function<bool(const AuditRecord&)>& visit);
    static std::optional<AuditHead> head(Connection& c);
    static void setHead(Connection& c, const AuditHead& head);
};

} // namespace builder::store
