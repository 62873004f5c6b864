#include "http/IoWorker.h"

#include "http/HttpConnection.h"
#include "http/HttpHandler.h"
#include "http/HttpWire.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

#include <unistd.h>

namespace builder::http {

IoWorker::IoWorker(const HttpServerOptions& options, HttpHandler* handler,
                   std::optional<QSslConfiguration> tls)
    : m_options(options), m_handler(handler), m_tls(std::move(tls))
{}

IoWorker::~IoWorker() = default;

void IoWorker::initialize()
{
    m_webSocketServer = new QWebSocketServer(
        QStringLiteral("builderd"),
        m_tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this,
            &IoWorker::onWebSocketConnection);
}

void IoWorker::adopt(qintptr descriptor)
{
    if (m_stopping) {
        ::close(int(descriptor));
        return;
    }
    QTcpSocket* socket = m_tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot adopt an accepted socket:" << socket->errorString();
        delete socket;
        ::close(int(descriptor));
        return;
    }
    // Stream chunks are small and latency matters more than packet count.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_tls) {
        auto* ssl = static_cast<QSslSocket*>(socket);
        ssl->setSslConfiguration(*m_tls);
        ssl->startServerEncryption();
    }
    auto* connection = new HttpConnection(
        socket, m_options, m_handler,
        [this](QTcpSocket* upgraded, const HttpRequest& request) { upgrade(upgraded, request); },
        this);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::finished, this, [this, connection] {
        if (m_connections.remove(connection))
            connection->deleteLater();
    });
    connection->start();
}

void IoWorker::upgrade(QTcpSocket* socket, const HttpRequest& request)
{
    const auto gone = [](const auto& pointer) { return pointer.isNull(); };
    m_upgradedSockets.removeIf(gone);
    m_pendingUpgrades.removeIf([](const auto& entry) { return entry.first.isNull(); });
    socket->setParent(this);
    m_upgradedSockets.append(socket);
    m_pendingUpgrades.append({socket, request});
    // From here the WebSocket server owns the socket: it deletes it when it disconnects or
    // fails the handshake.
    m_webSocketServer->handleConnection(socket);
}

void IoWorker::onWebSocketConnection()
{
    while (QWebSocket* webSocket = m_webSocketServer->nextPendingConnection()) {
        // QWebSocket does not expose its transport; the peer endpoint identifies it uniquely.
        HttpRequest request;
        const auto match = std::find_if(
            m_pendingUpgrades.begin(), m_pendingUpgrades.end(), [webSocket](const auto& entry) {
                return entry.first && entry.first->peerPort() == webSocket->peerPort() &&
                       entry.first->peerAddress() == webSocket->peerAddress();
            });
        if (match != m_pendingUpgrades.end()) {
            request = match->second;
            m_pendingUpgrades.erase(match);
        } else {
            qCWarning(lcHttp) << "no upgrade request recorded for" << webSocket->peerAddress();
        }
        m_webSockets.removeIf([](const auto& pointer) { return pointer.isNull(); });
        webSocket->setParent(this);
        m_webSockets.append(webSocket);
        connect(webSocket, &QWebSocket::disconnected, webSocket, &QObject::deleteLater);
        try {
            m_handler->onWebSocket(request, webSocket);
        } catch (...) {
            qCWarning(lcHttp) << "WebSocket handler failed for" << request.path;
            webSocket->close(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
        }
    }
}

void IoWorker::shutdown()
{
    m_stopping = true;
    const QSet<HttpConnection*> connections = std::exchange(m_connections, {});
    for (HttpConnection* connection : connections) {
        connection->abortNow();
        delete connection;
    }
    // WebSockets before their transports: closing sends a Going Away frame over the transport.
    for (const QPointer<QWebSocket>& webSocket : std::exchange(m_webSockets, {})) {
        if (webSocket)
            webSocket->close(QWebSocketProtocol::CloseCodeGoingAway,
                             QStringLiteral("server stopping"));
        if (webSocket) // a handler's disconnected() slot may have deleted it
            delete webSocket.data();
    }
    for (const QPointer<QTcpSocket>& socket : std::exchange(m_upgradedSockets, {})) {
        if (socket)
            socket->abort();
        if (socket)
            delete socket.data();
    }
    m_pendingUpgrades.clear();
    delete m_webSocketServer;
    m_webSocketServer = nullptr;
    // Connections that finished earlier may still await deleteLater(): delete them on this thread.
    qDeleteAll(children());
}

} // namespace builder::http
