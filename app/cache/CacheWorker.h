#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace builder::cache {

// Owns the SQLite connection on the cache thread (Qt SQL connections belong to
// the thread that opened them). Every job runs here, in order.
class CacheWorker : public QObject
{
    Q_OBJECT
public:
    explicit CacheWorker(QString path);
    ~CacheWorker() override;

    // Runs on the cache thread; `job` gets the open database (invalid if opening failed).
    void run(const std::function<void(QSqlDatabase&)>& job);
    const QString& openError() const { return m_openError; }

private:
    bool ensureOpen();
    bool migrate();

    QString m_path;
    QString m_connection;
    QString m_openError;
    bool m_opened = false;
};

} // namespace builder::cache
