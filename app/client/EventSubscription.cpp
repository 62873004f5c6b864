#include "EventSubscription.h"

#include "BackendClient.h"
#include "GrpcErrors.h"
#include "GrpcEventFeed.h"
#include "WebSocketEventFeed.h"

#include <QRandomGenerator>

namespace builder::client {

EventSubscription::EventSubscription(BackendClient& client, QString executionId,
                                     quint64 afterSequence, QObject* parent)
    : QObject(parent), m_client(client), m_executionId(std::move(executionId)),
      m_lastSequence(afterSequence)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventSubscription::connectFeed);
    m_useWebSocket =
        client.settings().eventTransport == ConnectionSettings::EventTransport::WebSocket &&
        canUseWebSocket();
}

EventSubscription::~EventSubscription()
{
    // No stateChanged from here: receivers may be half destroyed already.
    m_retryTimer.stop();
    retireFeed();
}

QString EventSubscription::transportName() const
{
    return m_useWebSocket ? QStringLiteral("WebSocket") : QStringLiteral("gRPC");
}

void EventSubscription::start()
{
    if (m_state != State::Idle && m_state != State::Failed)
        return;
    m_failuresInRow = 0;
    m_backoffMs = kInitialBackoffMs;
    setState(State::Connecting);
    connectFeed();
}

void EventSubscription::stop()
{
    m_retryTimer.stop();
    retireFeed();
    setState(State::Idle);
}

void EventSubscription::retireFeed()
{
    if (!m_feed)
        return;
    m_feed->disconnect(this);
    m_feed->close();
    // Later: this may run inside one of the feed's own signals.
    m_feed.release()->deleteLater();
}

bool EventSubscription::canUseWebSocket() const
{
    return !m_client.settings().httpAddress.isEmpty();
}

std::unique_ptr<EventFeed> EventSubscription::makeFeed(bool webSocket)
{
    if (webSocket) {
        const auto& settings = m_client.settings();
        return std::make_unique<WebSocketEventFeed>(settings.httpAddress, settings.tls,
                                                    settings.token);
    }
    return std::make_unique<GrpcEventFeed>(m_client.internals());
}

void EventSubscription::connectFeed()
{
    retireFeed();
    m_feed = makeFeed(m_useWebSocket);
    connect(m_feed.get(), &EventFeed::eventsArrived, this, &EventSubscription::onEvents);
    connect(m_feed.get(), &EventFeed::ended, this, &EventSubscription::onEnded);
    connect(m_feed.get(), &EventFeed::opened, this, [this] {
        if (m_state != State::Failed)
            setState(State::Live);
    });
    m_feed->open(m_executionId, m_lastSequence);
}

void EventSubscription::onEvents(const EventBatch& events)
{
    EventBatch fresh;
    fresh.reserve(events.size());
    for (const auto& event : events) {
        if (event.sequence_number() <= m_lastSequence) {
            ++m_duplicates; // replayed after a resume: already delivered
            continue;
        }
        m_lastSequence = event.sequence_number();
        fresh.push_back(event);
    }
    m_failuresInRow = 0;
    m_backoffMs = kInitialBackoffMs;
    setState(State::Live);
    if (!fresh.empty())
        emit eventsReceived(fresh);
}

void EventSubscription::onEnded(const common::Error& error)
{
    const bool automatic =
        m_client.settings().eventTransport == ConnectionSettings::EventTransport::Automatic;
    const bool grpcMissing = !m_useWebSocket && error.code() == common::StatusCode::Unimplemented;
    if (!GrpcErrors::isTransient(error.code()) && !(grpcMissing && canUseWebSocket())) {
        retireFeed();
        setState(State::Failed);
        emit failed(error);
        return;
    }
    ++m_failuresInRow;
    if (automatic && canUseWebSocket() &&
        (grpcMissing || m_failuresInRow >= kAttemptsBeforeSwitch)) {
        m_useWebSocket = !m_useWebSocket;
        m_failuresInRow = 0;
    }
    setState(State::Reconnecting);
    // Jitter spreads the reconnects of many Studios after a server restart.
    const int jitter = QRandomGenerator::global()->bounded(m_backoffMs / 5 + 1);
    m_retryTimer.start(m_backoffMs + jitter);
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
}

void EventSubscription::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace builder::client
