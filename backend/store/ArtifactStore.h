#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// A file an execution produced (patch series, logs, reports). The bytes live
// under the data directory's artifacts/ folder; the row says what and where.
struct ArtifactRecord
{
    std::string id;
    std::string executionId;
    std::string name; // unique per execution, e.g. "patches.mbox"
    int type = 0;     // feature.feature.v1.ArtifactType
    std::string contentType;
    std::string path; // relative to the artifacts folder
    std::int64_t size = 0;
    std::string sha256;
    std::int64_t createdAtMillis = 0;
};

class ArtifactStore
{
public:
    // Inserts or replaces the artifact of the same name (a re-run rewrites it).
    static void upsert(Connection& c, const ArtifactRecord& record);
    static std::vector<ArtifactRecord> listForExecution(Connection& c,
                                                        const std::string& executionId);
    static std::optional<ArtifactRecord> find(Connection& c, const std::string& id);
};

} // namespace builder::store
