#pragma once

#include <stdexcept>
#include <string>

namespace builder::store {

// Thrown inside a unit of work when SQLite fails; Database turns it into an
// Error value (and rolls back) before it leaves the store.
class StoreError : public std::runtime_error
{
public:
    StoreError(int sqliteCode, const std::string& message)
        : std::runtime_error(message), m_code(sqliteCode)
    {}
    int sqliteCode() const { return m_code; }
    bool isConstraint() const { return (m_code & 0xff) == 19; } // SQLITE_CONSTRAINT
    // A UNIQUE or PRIMARY KEY conflict, as opposed to a foreign key or CHECK.
    bool isUniqueConflict() const { return m_code == 2067 || m_code == 1555; }
    bool isForeignKey() const { return m_code == 787; }

private:
    int m_code;
};

} // namespace builder::store
