#pragma once

#include "Statement.h"

#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace builder::store {

// One SQLite connection with a cache of prepared statements. Not thread-safe:
// Database hands each connection to one thread at a time.
class Connection
{
public:
    explicit Connection(sqlite3* db) : m_db(db) {}
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Prepared once per connection and reused; the handle resets it when dropped.
    Statement prepare(const std::string& sql);
    // Prepared for this call only (dynamic SQL such as search filters).
    Statement prepareOnce(const std::string& sql);
    void exec(const std::string& sql);
    std::int64_t changes() const;
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db;
    std::unordered_map<std::string, sqlite3_stmt*> m_cache;
};

} // namespace builder::store
