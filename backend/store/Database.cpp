#include "Database.h"

#include "Migrations.h"

#include <sqlite3.h>

namespace builder::store {

using common::Error;
using common::StatusCode;

std::unique_ptr<Connection> Database::openConnection(const std::string& path, bool writer)
{
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        throw StoreError(rc, "cannot open database " + path + ": " + message);
    }
    auto connection = std::make_unique<Connection>(db);
    sqlite3_busy_timeout(db, 10000);
    connection->exec("PRAGMA foreign_keys = ON");
    // NORMAL in WAL mode survives a killed process; only a power loss can drop
    // the last commits. FULL would fsync on every commit.
    connection->exec("PRAGMA synchronous = NORMAL");
    if (writer)
        connection->exec("PRAGMA journal_mode = WAL");
    return connection;
}

common::Result<std::shared_ptr<Database>> Database::open(const Options& options)
{
    std::shared_ptr<Database> db(new Database());
    db->m_path = options.path;
    try {
        db->m_writer = openConnection(options.path, true);
        Migrations::apply(*db->m_writer, options.targetVersion);
        for (int i = 0; i < std::max(1, options.readers); ++i) {
            db->m_readers.push_back(openConnection(options.path, false));
            db->m_freeReaders.push_back(db->m_readers.back().get());
        }
    } catch (const StoreError& e) {
        return Error(StatusCode::Unavailable, e.what());
    }
    return db;
}

Database::~Database() = default;

Database::ReaderLease Database::acquireReader()
{
    std::unique_lock lock(m_readMutex);
    m_readAvailable.wait(lock, [this] { return !m_freeReaders.empty(); });
    Connection* c = m_freeReaders.back();
    m_freeReaders.pop_back();
    return ReaderLease(this, c);
}

void Database::releaseReader(Connection* connection)
{
    {
        std::lock_guard lock(m_readMutex);
        m_freeReaders.push_back(connection);
    }
    m_readAvailable.notify_one();
}

void Database::rollback(Connection& c)
{
    m_afterCommit.clear();
    try {
        c.exec("ROLLBACK");
    } catch (const StoreError&) {
        // SQLite already rolled back (e.g. after SQLITE_FULL); nothing left to undo.
    }
}

void Database::afterCommit(std::function<void()> callback)
{
    m_afterCommit.push_back(std::move(callback));
}

void Database::runAfterCommit()
{
    auto callbacks = std::move(m_afterCommit);
    m_afterCommit.clear();
    for (auto& callback : callbacks)
        callback();
}

bool Database::ping()
{
    auto result = read([](Connection& c) -> common::Result<bool> {
        auto stmt = c.prepare("SELECT 1");
        return stmt.step() && stmt.int64(0) == 1;
    });
    return result.ok() && result.value();
}

Error Database::toError(const StoreError& e)
{
    if (e.isUniqueConflict())
        return Error(StatusCode::AlreadyExists, std::string("conflict: ") + e.what());
    if (e.isForeignKey())
        return Error(StatusCode::FailedPrecondition,
                     std::string("refers to a row that does not exist: ") + e.what());
    if (e.isConstraint())
        return Error(StatusCode::Internal, std::string("constraint failed: ") + e.what());
    if ((e.sqliteCode() & 0xff) == SQLITE_BUSY || (e.sqliteCode() & 0xff) == SQLITE_LOCKED)
        return Error(StatusCode::Unavailable, std::string("database busy: ") + e.what());
    return Error(StatusCode::Internal, std::string("database error: ") + e.what());
}

} // namespace builder::store
