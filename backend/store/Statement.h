#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace builder::store {

// RAII prepared statement. Binding is 1-based like SQLite; columns are 0-based.
class Statement
{
public:
    // A cached statement is reset, not finalized, when this handle goes away.
    Statement(sqlite3* db, sqlite3_stmt* stmt, bool cached = false)
        : m_db(db), m_stmt(stmt), m_cached(cached)
    {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text)
    {
        return bind(index, std::string_view(text));
    }
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);
    // Binds text, or NULL when empty (for optional unique columns).
    Statement& bindOptional(int index, std::string_view text);

    // Steps once: true while a row is available; throws StoreError on failure.
    bool step();
    // Steps to completion (for statements that return no rows).
    void run();
    void reset();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_cached = false;
};

} // namespace builder::store
