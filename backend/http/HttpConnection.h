#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpServerOptions.h"
#include "http/RequestReader.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QSslSocket;
class QTcpSocket;

namespace builder::http {

class HttpHandler;
class ResponderLink;

// One client connection on an I/O thread: reads a request, hands it to the handler, writes its
// response, then reads the next one (pipelined requests wait in the socket buffer meanwhile).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // Takes over an upgraded socket (parent cleared, signals disconnected) and its request.
    using UpgradeFunction = std::function<void(QTcpSocket*, const HttpRequest&)>;

    HttpConnection(QTcpSocket* socket, const HttpServerOptions& options, HttpHandler* handler,
                   UpgradeFunction upgrade, QObject* parent = nullptr);
    ~HttpConnection() override;

    void start();
    // Server shutdown: drop the connection now; a running response sees onClosed.
    void abortNow();

    // Responder operations, always on this object's thread; stale request ids are ignored.
    void respond(quint64 id, int status, const HeaderList& headers, const QByteArray& body);
    void beginStream(quint64 id, int status, const HeaderList& headers);
    void writeChunk(quint64 id, const QByteArray& data);
    void endStream(quint64 id);
    void abandon(quint64 id);

signals:
    // The socket is gone (closed or handed to the WebSocket server); the owner deletes this.
    void finished();

private:
    enum class State
    {
        Reading,
        Dispatched, // waiting for the handler's response
        Streaming,
        Closing, // flushing the last response, then a lingering close
        Finished
    };

    static constexpr int kLingerMs = 2000;

    void processInput();
    void dispatch();
    void handleUpgrade();

    void onReadyRead();
    void onBytesWritten();
    void onSocketError(int error);
    void onTimer();

    int checkedStatus(int status) const;
    void writeHead(int status, const HeaderList& headers, std::optional<qint64> contentLength,
                   bool chunked, bool close);
    void write(const QByteArray& data);
    void completeResponse(bool close);
    void sendError(int status, const QString& message);
    void beginClose();
    void shutdownWrite();
    void finish();
    qint64 socketPending() const;

    QTcpSocket* m_socket;
    QSslSocket* m_ssl; // m_socket when TLS, else null
    const HttpServerOptions& m_options;
    HttpHandler* m_handler;
    UpgradeFunction m_upgrade;
    const qint64 m_maxBufferedWhileBusy;

    State m_state = State::Reading;
    RequestReader m_reader;
    QTimer m_timer;
    QElapsedTimer m_lastActivity;
    bool m_lingering = false;

    // The response being written.
    quint64 m_requestId = 0;
    std::shared_ptr<ResponderLink> m_link;
    QByteArray m_target; // method and path, for log messages
    int m_minorVersion = 1;
    bool m_isHead = false;
    bool m_responseChunked = false;
    bool m_closeAfterResponse = false;
};

} // namespace builder::http
