#pragma once

#include "ConnectionSettings.h"
#include "EventFeed.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace builder::client {

class BackendClient;

// The live event feed of one execution as the Studio sees it: every event
// exactly once and in order. A dropped feed reconnects with growing delays and
// resumes after the last sequence delivered; with the automatic transport a
// gRPC feed that keeps failing (or is not offered) gives way to the WebSocket feed.
class EventSubscription : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Live,
        Reconnecting,
        Failed
    };
    Q_ENUM(State)

    static constexpr int kInitialBackoffMs = 250;
    static constexpr int kMaxBackoffMs = 5000;
    // Failed attempts in a row before the automatic transport switches paths.
    static constexpr int kAttemptsBeforeSwitch = 3;

    EventSubscription(BackendClient& client, QString executionId, quint64 afterSequence = 0,
                      QObject* parent = nullptr);
    ~EventSubscription() override;

    void start();
    void stop();

    const QString& executionId() const { return m_executionId; }
    quint64 lastSequence() const { return m_lastSequence; }
    State state() const { return m_state; }
    QString transportName() const;
    // Events dropped because they were already delivered (after a resume).
    quint64 duplicatesDropped() const { return m_duplicates; }
    // Next reconnect delay, for the status line.
    int currentBackoffMs() const { return m_backoffMs; }

signals:
    void eventsReceived(const builder::client::EventBatch& events);
    void stateChanged(builder::client::EventSubscription::State state);
    void failed(const builder::common::Error& error);

private:
    void connectFeed();
    void retireFeed();
    void onEvents(const EventBatch& events);
    void onEnded(const common::Error& error);
    void setState(State state);
    bool canUseWebSocket() const;
    std::unique_ptr<EventFeed> makeFeed(bool webSocket);

    BackendClient& m_client;
    QString m_executionId;
    quint64 m_lastSequence = 0;
    quint64 m_duplicates = 0;
    State m_state = State::Idle;
    std::unique_ptr<EventFeed> m_feed;
    bool m_useWebSocket = false;
    int m_failuresInRow = 0;
    int m_backoffMs = kInitialBackoffMs;
    QTimer m_retryTimer;
};

} // namespace builder::client
