#pragma once

#include "feature/feature/v1/feature.pb.h"
#include "feature/review/v1/review.pb.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <optional>
#include <vector>

class QSqlDatabase;

namespace builder::cache {

class CacheWorker;

// Recent executions, their events and diffs, and the New-feature drafts, in a
// SQLite file, so the Studio stays readable when builderd is unreachable.
// Every call returns at once; reads answer on the GUI thread while `guard` lives.
class OfflineCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxExecutions = 500;
    static constexpr int kMaxEventsPerExecution = 50000;

    explicit OfflineCache(const QString& path, QObject* parent = nullptr);
    ~OfflineCache() override;

    // A cache file per server, under the Studio's data location.
    static QString defaultPath(const QString& serverKey);

    void putExecutions(const std::vector<feature::feature::v1::FeatureExecution>& executions);
    void putEvents(const QString& executionId,
                   const std::vector<feature::feature::v1::FeatureEvent>& events);
    void putDiff(const QString& executionId, const feature::review::v1::GetDiffResponse& diff);
    void putDraft(const QString& key, const QByteArray& data);
    void removeDraft(const QString& key);

    void executions(QObject* guard,
                    std::function<void(std::vector<feature::feature::v1::FeatureExecution>)> done);
    void execution(const QString& id, QObject* guard,
                   std::function<void(std::optional<feature::feature::v1::FeatureExecution>)> done);
    void events(const QString& executionId, QObject* guard,
                std::function<void(std::vector<feature::feature::v1::FeatureEvent>)> done);
    void diff(const QString& executionId, QObject* guard,
              std::function<void(std::optional<feature::review::v1::GetDiffResponse>)> done);
    void draft(const QString& key, QObject* guard, std::function<void(QByteArray)> done);
    // Calls back once every job queued before it has run (tests, shutdown).
    void flush(QObject* guard, std::function<void()> done);

signals:
    void failed(const QString& message);

private:
    void post(std::function<void(QSqlDatabase&)> job);

    QThread m_thread;
    CacheWorker* m_worker = nullptr;
};

} // namespace builder::cache
