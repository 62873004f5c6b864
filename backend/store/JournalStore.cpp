#include "JournalStore.h"

#include "Connection.h"

namespace builder::store {

bool JournalStore::put(Connection& c, const std::string& executionId, const std::string& key,
                       const std::string& value, std::int64_t nowMillis)
{
    auto s = c.prepare("INSERT INTO journal (execution_id, key, value, created_at) VALUES "
                       "(?,?,?,?) ON CONFLICT (execution_id, key) DO NOTHING");
    s.bind(1, executionId).bind(2, key).bindBlob(3, value).bind(4, nowMillis);
    s.run();
    return c.changes() == 1;
}

std::optional<std::string> JournalStore::get(Connection& c, const std::string& executionId,
                                             const std::string& key)
{
    auto s = c.prepare("SELECT value FROM journal WHERE execution_id = ? AND key = ?");
    s.bind(1, executionId).bind(2, key);
    if (!s.step())
        return std::nullopt;
    return s.blob(0);
}

std::vector<std::pair<std::string, std::string>>
JournalStore::listPrefix(Connection& c, const std::string& executionId, const std::string& prefix)
{
    // A range scan on the primary key: prefix <= key < prefix + U+10FFFF-ish.
    auto s = c.prepare("SELECT key, value FROM journal WHERE execution_id = ? AND key >= ? AND "
                       "key < ? ORDER BY key");
    s.bind(1, executionId).bind(2, prefix).bind(3, prefix + "\xff");
    std::vector<std::pair<std::string, std::string>> out;
    while (s.step())
        out.emplace_back(s.text(0), s.blob(1));
    return out;
}

int JournalStore::copy(Connection& c, const std::string& fromExecution,
                       const std::string& toExecution, const std::vector<std::string>& prefixes,
                       std::int64_t nowMillis)
{
    int copied = 0;
    for (const auto& prefix : prefixes)
        for (const auto& [key, value] : listPrefix(c, fromExecution, prefix))
            copied += put(c, toExecution, key, value, nowMillis) ? 1 : 0;
    return copied;
}

void JournalStore::erase(Connection& c, const std::string& executionId, const std::string& key)
{
    auto s = c.prepare("DELETE FROM journal WHERE execution_id = ? AND key = ?");
    s.bind(1, executionId).bind(2, key);
    s.run();
}

} // namespace builder::store
