#pragma once

#include "store/AuditStore.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace builder::store {
class Connection;
}

namespace builder::core {

// The audit log's tamper evidence. Each entry's hash is SHA-256 over the
// previous entry's hash and the entry's canonical content (every stored field
// but the two hashes, length-prefixed), so editing, removing or reordering any
// entry breaks every link after it; the head anchor catches a cut-off tail.
class AuditChain
{
public:
    // previous_hash of the first entry.
    static const std::string& genesis();

    struct Status
    {
        bool intact = true;
        std::int64_t verifiedEntries = 0;
        std::int64_t firstBrokenSeq = 0; // 0 when intact
        std::string problem;             // empty when intact
        std::string headHash;            // the newest entry's stored hash
    };

    static std::string canonical(const store::AuditRecord& record);
    static std::string hashOf(const std::string& previousHash, const store::AuditRecord& record);
    // {"a":"1","b":"2"}: keys sorted, JSON string escapes.
    static std::string detailsJson(const std::map<std::string, std::string>& details);

    // Walks the whole log in sequence order inside the caller's transaction.
    static Status verify(store::Connection& c);
    // The same walk over given rows and head (unit tests, and verify()).
    class Walker
    {
    public:
        // False once the chain is broken (later rows are not looked at).
        bool add(const store::AuditRecord& record);
        Status finish(const std::optional<store::AuditHead>& head);

    private:
        Status m_status;
        std::int64_t m_lastSeq = 0;
        std::string m_lastHash = genesis();
    };
};

} // namespace builder::core
