#pragma once

#include "EventFeed.h"

#include <QTimer>
#include <QWebSocket>

namespace builder::client {

// The same event feed over builderd's WebSocket endpoint
// (GET /v1/events?execution=ID&after_sequence=N), for networks where gRPC
// streaming does not get through. QWebSocket is asynchronous, so nothing waits.
class WebSocketEventFeed final : public EventFeed
{
    Q_OBJECT
public:
    // httpAddress: HOST:PORT of builderd's HTTP port.
    WebSocketEventFeed(QString httpAddress, bool tls, QString token, QObject* parent = nullptr);
    ~WebSocketEventFeed() override;

    void open(const QString& executionId, quint64 afterSequence) override;
    void close() override;
    QString transportName() const override { return QStringLiteral("WebSocket"); }

private:
    void onText(const QString& frame);
    void onDisconnected();
    void flush();

    QString m_httpAddress;
    bool m_tls = false;
    QString m_token;
    QWebSocket* m_socket = nullptr;
    EventBatch m_pending;
    QTimer m_flushTimer;
    common::Error m_error{common::StatusCode::Unavailable, "the WebSocket event feed closed"};
    bool m_failed = false;
};

} // namespace builder::client
