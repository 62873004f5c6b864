#pragma once

#include "Connection.h"
#include "StoreError.h"
#include "common/Result.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

namespace builder::store {

// The SQLite database: WAL, foreign keys, migrations on open, one writer
// connection (serialised) and a small pool of readers.
//
// Units of work are callables taking a Connection& and returning a Result<T>.
// write() runs one inside a single IMMEDIATE transaction: it commits when the
// callable returns a value and rolls back when it returns an Error or throws.
class Database
{
public:
    struct Options
    {
        std::string path;
        int readers = 4;
        int targetVersion = -1; // latest; tests use older versions
    };

    static common::Result<std::shared_ptr<Database>> open(const Options& options);
    ~Database();

    template <typename F> auto read(F&& unit) -> std::invoke_result_t<F, Connection&>
    {
        auto lease = acquireReader();
        try {
            return unit(*lease.connection);
        } catch (const StoreError& e) {
            return toError(e);
        }
    }

    template <typename F> auto write(F&& unit) -> std::invoke_result_t<F, Connection&>
    {
        std::lock_guard lock(m_writeMutex);
        Connection& c = *m_writer;
        try {
            c.exec("BEGIN IMMEDIATE");
        } catch (const StoreError& e) {
            return toError(e);
        }
        try {
            auto result = unit(c);
            if (result.ok()) {
                c.exec("COMMIT");
                // Runs after the commit, still under the write lock, so callbacks
                // (event fan-out) see commits in order.
                runAfterCommit();
            } else {
                rollback(c);
            }
            return result;
        } catch (const StoreError& e) {
            rollback(c);
            return toError(e);
        } catch (...) {
            // Whatever else a unit throws, the connection must not stay in
            // the middle of a transaction.
            rollback(c);
            throw;
        }
    }

    // Registers work to run once the current write transaction commits (dropped
    // on rollback). Only valid inside write().
    void afterCommit(std::function<void()> callback);

    bool ping();
    const std::string& path() const { return m_path; }

    static common::Error toError(const StoreError& e);

private:
    struct ReaderLease
    {
        Database* owner;
        Connection* connection;
        ReaderLease(Database* o, Connection* c) : owner(o), connection(c) {}
        ReaderLease(const ReaderLease&) = delete;
        ~ReaderLease() { owner->releaseReader(connection); }
    };

    Database() = default;
    ReaderLease acquireReader();
    void releaseReader(Connection* connection);
    void rollback(Connection& c);
    void runAfterCommit();
    static std::unique_ptr<Connection> openConnection(const std::string& path, bool writer);

    std::string m_path;
    std::mutex m_writeMutex;
    std::unique_ptr<Connection> m_writer;
    std::vector<std::function<void()>> m_afterCommit;

    std::mutex m_readMutex;
    std::condition_variable m_readAvailable;
    std::vector<std::unique_ptr<Connection>> m_readers;
    std::vector<Connection*> m_freeReaders;
};

} // namespace builder::store
