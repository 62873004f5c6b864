#pragma once

#include "http/HttpRequest.h"
#include "http/HttpServerOptions.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>

#include <optional>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace builder::http {

class HttpConnection;
class HttpHandler;

// The per-thread half of the server: creates sockets for accepted descriptors, owns their
// connections and the WebSocket server that takes over upgraded ones. Lives on one I/O thread;
// every method must be called there.
class IoWorker : public QObject
{
    Q_OBJECT
public:
    IoWorker(const HttpServerOptions& options, HttpHandler* handler,
             std::optional<QSslConfiguration> tls);
    ~IoWorker() override;

    void initialize();
    void adopt(qintptr descriptor);
    // Closes every connection and WebSocket; later adopt() calls just close the descriptor.
    void shutdown();

private:
    void upgrade(QTcpSocket* socket, const HttpRequest& request);
    void onWebSocketConnection();

    const HttpServerOptions& m_options;
    HttpHandler* m_handler;
    std::optional<QSslConfiguration> m_tls;
    bool m_stopping = false;
    QWebSocketServer* m_webSocketServer = nullptr;
    QSet<HttpConnection*> m_connections;
    // QPointer, not destroyed() hooks: QWebSocket disconnects every signal of its transport and
    // deletes it with itself.
    QList<std::pair<QPointer<QTcpSocket>, HttpRequest>> m_pendingUpgrades; // handshake pending
    QList<QPointer<QTcpSocket>> m_upgradedSockets;
    QList<QPointer<QWebSocket>> m_webSockets;
};

} // namespace builder::http
