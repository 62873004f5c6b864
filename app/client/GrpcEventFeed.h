#pragma once

#include "EventFeed.h"

#include <memory>

namespace builder::client {

class BackendInternals;

// ListEvents read on a worker thread; events are batched and handed to the GUI
// thread with one queued delivery per batch, however fast they arrive.
class GrpcEventFeed final : public EventFeed
{
    Q_OBJECT
public:
    GrpcEventFeed(BackendInternals& internals, QObject* parent = nullptr);
    ~GrpcEventFeed() override;

    void open(const QString& executionId, quint64 afterSequence) override;
    void close() override;
    QString transportName() const override { return QStringLiteral("gRPC"); }

    struct Shared; // state shared with the reader thread

private:
    void drain();

    BackendInternals& m_internals;
    std::shared_ptr<Shared> m_shared;
};

} // namespace builder::client
