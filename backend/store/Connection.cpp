#include "Connection.h"

#include "StoreError.h"

#include <sqlite3.h>

namespace builder::store {

Connection::~Connection()
{
    for (auto& [sql, stmt] : m_cache)
        sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

Statement Connection::prepare(const std::string& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK)
            throw StoreError(rc, std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
        it = m_cache.emplace(sql, stmt).first;
    }
    return Statement(m_db, it->second, true);
}

Statement Connection::prepareOnce(const std::string& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(rc, std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
    return Statement(m_db, stmt, false);
}

void Connection::exec(const std::string& sql)
{
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string message = err ? err : "sqlite error";
        sqlite3_free(err);
        throw StoreError(rc, message);
    }
}

std::int64_t Connection::changes() const
{
    return sqlite3_changes64(m_db);
}

} // namespace builder::store
