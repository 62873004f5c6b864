#pragma once

#include "common/Error.h"
#include "feature/feature/v1/feature.pb.h"

#include <QObject>
#include <QString>

#include <vector>

namespace builder::client {

using EventBatch = std::vector<feature::feature::v1::FeatureEvent>;

// One attempt at reading an execution's event feed after a sequence number.
// EventSubscription owns the policy (dedup, resume, backoff, fallback); a feed
// only opens, delivers batches on the GUI thread, and reports how it ended.
class EventFeed : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~EventFeed() override;

    virtual void open(const QString& executionId, quint64 afterSequence) = 0;
    // Stops delivering at once; no signal follows.
    virtual void close() = 0;
    virtual QString transportName() const = 0;

signals:
    void opened();
    void eventsArrived(const builder::client::EventBatch& events);
    void ended(const builder::common::Error& error);
};

} // namespace builder::client
