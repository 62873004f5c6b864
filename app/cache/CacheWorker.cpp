#include "CacheWorker.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace builder::cache {

namespace {

constexpr int kSchemaVersion = 1;

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS executions (id TEXT PRIMARY KEY, updated_ms INTEGER NOT NULL, "
    "data BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS executions_updated ON executions (updated_ms DESC)",
    "CREATE TABLE IF NOT EXISTS events (execution_id TEXT NOT NULL, sequence INTEGER NOT NULL, "
    "data BLOB NOT NULL, PRIMARY KEY (execution_id, sequence))",
    "CREATE TABLE IF NOT EXISTS diffs (execution_id TEXT PRIMARY KEY, stored_ms INTEGER NOT "
    "NULL, data BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, saved_ms INTEGER NOT NULL, data "
    "BLOB NOT NULL)",
};

} // namespace

CacheWorker::CacheWorker(QString path)
    : m_path(std::move(path)),
      m_connection(QStringLiteral("studio-cache-") + QUuid::createUuid().toString(QUuid::Id128))
{}

CacheWorker::~CacheWorker()
{
    if (m_opened) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool CacheWorker::ensureOpen()
{
    if (m_opened)
        return m_openError.isEmpty();
    m_opened = true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_openError = db.lastError().text();
        return false;
    }
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return migrate();
}

bool CacheWorker::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA user_version"));
    const int version = query.next() ? query.value(0).toInt() : 0;
    if (version > kSchemaVersion) {
        m_openError = QStringLiteral("cache schema %1 is newer than this Studio (%2)")
                          .arg(version)
                          .arg(kSchemaVersion);
        return false;
    }
    for (const char* statement : kSchema) {
        if (!query.exec(QString::fromLatin1(statement))) {
            m_openError = query.lastError().text();
            return false;
        }
    }
    query.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
    return true;
}

void CacheWorker::run(const std::function<void(QSqlDatabase&)>& job)
{
    ensureOpen();
    QSqlDatabase db =
        m_openError.isEmpty() ? QSqlDatabase::database(m_connection, false) : QSqlDatabase();
    job(db);
}

} // namespace builder::cache
