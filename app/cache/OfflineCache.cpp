#include "OfflineCache.h"

#include "CacheWorker.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace builder::cache {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

namespace {

// Runs `fn` on the GUI thread unless `guard` is gone by then.
template <typename Fn> void answer(const QPointer<QObject>& guard, Fn fn)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [guard, fn = std::move(fn)]() mutable {
            if (guard)
                fn();
        },
        Qt::QueuedConnection);
}

QByteArray blob(const google::protobuf::MessageLite& message)
{
    const std::string bytes = message.SerializeAsString();
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

template <typename Message> bool parse(const QVariant& value, Message& out)
{
    const QByteArray bytes = value.toByteArray();
    return out.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()));
}

} // namespace

OfflineCache::OfflineCache(const QString& path, QObject* parent) : QObject(parent)
{
    m_worker = new CacheWorker(path);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("studio-cache"));
    m_thread.start();
}

OfflineCache::~OfflineCache()
{
    // Queued writes finish first: quitting is queued behind them.
    QMetaObject::invokeMethod(
        m_worker, [this] { m_thread.quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

QString OfflineCache::defaultPath(const QString& serverKey)
{
    const QByteArray hash =
        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/cache-%1.sqlite").arg(QString::fromLatin1(hash));
}

void OfflineCache::post(std::function<void(QSqlDatabase&)> job)
{
    QPointer<QObject> self(this);
    CacheWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker,
        [worker, job = std::move(job), self] {
            worker->run(job);
            if (!worker->openError().isEmpty()) {
                const QString error = worker->openError();
                answer(self, [self, error] {
                    emit static_cast<OfflineCache*>(self.data())->failed(error);
                });
            }
        },
        Qt::QueuedConnection);
}

void OfflineCache::putExecutions(const std::vector<fv1::FeatureExecution>& executions)
{
    if (executions.empty())
        return;
    std::vector<fv1::FeatureExecution> copy = executions;
    post([copy = std::move(copy)](QSqlDatabase& db) {
        if (!db.isOpen())
            return;
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO executions (id, updated_ms, data) VALUES (?, ?, ?)"));
        for (const auto& execution : copy) {
            insert.addBindValue(QString::fromStdString(execution.id()));
            insert.addBindValue(static_cast<qint64>(execution.updated_at().seconds()) * 1000);
            insert.addBindValue(blob(execution));
            insert.exec();
        }
        // Keep the most recent ones; their events and diffs go with the rest.
        QSqlQuery trim(db);
        trim.exec(QStringLiteral("DELETE FROM executions WHERE id NOT IN (SELECT id FROM "
                                 "executions ORDER BY updated_ms DESC LIMIT %1)")
                      .arg(kMaxExecutions));
        trim.exec(QStringLiteral(
            "DELETE FROM events WHERE execution_id NOT IN (SELECT id FROM executions)"));
        trim.exec(QStringLiteral(
            "DELETE FROM diffs WHERE execution_id NOT IN (SELECT id FROM executions)"));
        db.commit();
    });
}

void OfflineCache::putEvents(const QString& executionId,
                             const std::vector<fv1::FeatureEvent>& events)
{
    if (events.empty())
        return;
    std::vector<fv1::FeatureEvent> copy = events;
    post([executionId, copy = std::move(copy)](QSqlDatabase& db) {
        if (!db.isOpen())
            return;
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO events (execution_id, sequence, data) VALUES (?, ?, ?)"));
        for (const auto& event : copy) {
            insert.addBindValue(executionId);
            insert.addBindValue(static_cast<qint64>(event.sequence_number()));
            insert.addBindValue(blob(event));
            insert.exec();
        }
        QSqlQuery trim(db);
        trim.prepare(QStringLiteral(
            "DELETE FROM events WHERE execution_id = ? AND sequence <= (SELECT MAX(sequence) "
            "FROM events WHERE execution_id = ?) - ?"));
        trim.addBindValue(executionId);
        trim.addBindValue(executionId);
        trim.addBindValue(kMaxEventsPerExecution);
        trim.exec();
        db.commit();
    });
}

void OfflineCache::putDiff(const QString& executionId, const rv1::GetDiffResponse& diff)
{
    const QByteArray data = blob(diff);
    post([executionId, data](QSqlDatabase& db) {
        if (!db.isOpen())
            return;
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO diffs (execution_id, stored_ms, data) VALUES (?, ?, ?)"));
        insert.addBindValue(executionId);
        insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
        insert.addBindValue(data);
        insert.exec();
    });
}

void OfflineCache::putDraft(const QString& key, const QByteArray& data)
{
    post([key, data](QSqlDatabase& db) {
        if (!db.isOpen())
            return;
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT OR REPLACE INTO drafts (key, saved_ms, data) VALUES (?, ?, ?)"));
        insert.addBindValue(key);
        insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
        insert.addBindValue(data);
        insert.exec();
    });
}

void OfflineCache::removeDraft(const QString& key)
{
    post([key](QSqlDatabase& db) {
        if (!db.isOpen())
            return;
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM drafts WHERE key = ?"));
        remove.addBindValue(key);
        remove.exec();
    });
}

void OfflineCache::executions(QObject* guard,
                              std::function<void(std::vector<fv1::FeatureExecution>)> done)
{
    QPointer<QObject> target(guard);
    post([target, done = std::move(done)](QSqlDatabase& db) {
        std::vector<fv1::FeatureExecution> out;
        if (db.isOpen()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT data FROM executions ORDER BY updated_ms DESC"));
            while (query.next()) {
                fv1::FeatureExecution execution;
                if (parse(query.value(0), execution))
                    out.push_back(std::move(execution));
            }
        }
        answer(target, [done, out = std::move(out)]() mutable { done(std::move(out)); });
    });
}

void OfflineCache::execution(const QString& id, QObject* guard,
                             std::function<void(std::optional<fv1::FeatureExecution>)> done)
{
    QPointer<QObject> target(guard);
    post([id, target, done = std::move(done)](QSqlDatabase& db) {
        std::optional<fv1::FeatureExecution> out;
        if (db.isOpen()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT data FROM executions WHERE id = ?"));
            query.addBindValue(id);
            fv1::FeatureExecution execution;
            if (query.exec() && query.next() && parse(query.value(0), execution))
                out = std::move(execution);
        }
        answer(target, [done, out = std::move(out)]() mutable { done(std::move(out)); });
    });
}

void OfflineCache::events(const QString& executionId, QObject* guard,
                          std::function<void(std::vector<fv1::FeatureEvent>)> done)
{
    QPointer<QObject> target(guard);
    post([executionId, target, done = std::move(done)](QSqlDatabase& db) {
        std::vector<fv1::FeatureEvent> out;
        if (db.isOpen()) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("SELECT data FROM events WHERE execution_id = ? ORDER BY sequence"));
            query.addBindValue(executionId);
            query.exec();
            while (query.next()) {
                fv1::FeatureEvent event;
                if (parse(query.value(0), event))
                    out.push_back(std::move(event));
            }
        }
        answer(target, [done, out = std::move(out)]() mutable { done(std::move(out)); });
    });
}

void OfflineCache::diff(const QString& executionId, QObject* guard,
                        std::function<void(std::optional<rv1::GetDiffResponse>)> done)
{
    QPointer<QObject> target(guard);
    post([executionId, target, done = std::move(done)](QSqlDatabase& db) {
        std::optional<rv1::GetDiffResponse> out;
        if (db.isOpen()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT data FROM diffs WHERE execution_id = ?"));
            query.addBindValue(executionId);
            rv1::GetDiffResponse diff;
            if (query.exec() && query.next() && parse(query.value(0), diff))
                out = std::move(diff);
        }
        answer(target, [done, out = std::move(out)]() mutable { done(std::move(out)); });
    });
}

void OfflineCache::draft(const QString& key, QObject* guard, std::function<void(QByteArray)> done)
{
    QPointer<QObject> target(guard);
    post([key, target, done = std::move(done)](QSqlDatabase& db) {
        QByteArray out;
        if (db.isOpen()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT data FROM drafts WHERE key = ?"));
            query.addBindValue(key);
            if (query.exec() && query.next())
                out = query.value(0).toByteArray();
        }
        answer(target, [done, out]() { done(out); });
    });
}

void OfflineCache::flush(QObject* guard, std::function<void()> done)
{
    QPointer<QObject> target(guard);
    post([target, done = std::move(done)](QSqlDatabase&) { answer(target, done); });
}

} // namespace builder::cache
