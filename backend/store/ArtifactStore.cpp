#include "ArtifactStore.h"

#include "Connection.h"

namespace builder::store {

namespace {

constexpr const char* kColumns =
    "id, execution_id, name, type, content_type, path, size, sha256, created_at";

ArtifactRecord readRow(Statement& s)
{
    ArtifactRecord r;
    r.id = s.text(0);
    r.executionId = s.text(1);
    r.name = s.text(2);
    r.type = static_cast<int>(s.int64(3));
    r.contentType = s.text(4);
    r.path = s.text(5);
    r.size = s.int64(6);
    r.sha256 = s.text(7);
    r.createdAtMillis = s.int64(8);
    return r;
}

} // namespace

void ArtifactStore::upsert(Connection& c, const ArtifactRecord& r)
{
    auto s = c.prepare("INSERT INTO artifacts (id, execution_id, name, type, content_type, path, "
                       "size, sha256, created_at) VALUES (?,?,?,?,?,?,?,?,?) "
                       "ON CONFLICT (execution_id, name) DO UPDATE SET type = excluded.type, "
                       "content_type = excluded.content_type, path = excluded.path, "
                       "size = excluded.size, sha256 = excluded.sha256, "
                       "created_at = excluded.created_at");
    s.bind(1, r.id)
        .bind(2, r.executionId)
        .bind(3, r.name)
        .bind(4, r.type)
        .bind(5, r.contentType)
        .bind(6, r.path)
        .bind(7, r.size)
        .bind(8, r.sha256)
        .bind(9, r.createdAtMillis);
    s.run();
}

std::vector<ArtifactRecord> ArtifactStore::listForExecution(Connection& c,
                                                            const std::string& executionId)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns +
                       " FROM artifacts WHERE execution_id = ? ORDER BY created_at, name");
    s.bind(1, executionId);
    std::vector<ArtifactRecord> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

std::optional<ArtifactRecord> ArtifactStore::find(Connection& c, const std::string& id)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM artifacts WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

} // namespace builder::store
