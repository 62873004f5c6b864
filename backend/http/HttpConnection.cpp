#include "http/HttpConnection.h"

#include "http/HttpHandler.h"
#include "http/HttpWire.h"
#include "http/ResponderLink.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

#include <exception>

namespace builder::http {

namespace {

bool headersAskToClose(const HeaderList& headers)
{
    for (const auto& [name, value] : headers) {
        if (name.compare("connection", Qt::CaseInsensitive) == 0 && wire::hasToken(value, "close"))
            return true;
    }
    return false;
}

bool isSafeHeader(const QByteArray& name, const QByteArray& value)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        if (!wire::isTokenChar(c))
            return false;
    }
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

bool isServerManaged(const QByteArray& name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0 ||
           name.compare("transfer-encoding", Qt::CaseInsensitive) == 0 ||
           name.compare("connection", Qt::CaseInsensitive) == 0;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, const HttpServerOptions& options,
                               HttpHandler* handler, UpgradeFunction upgrade, QObject* parent)
    : QObject(parent), m_socket(socket), m_ssl(qobject_cast<QSslSocket*>(socket)),
      m_options(options), m_handler(handler), m_upgrade(std::move(upgrade)),
      m_maxBufferedWhileBusy(qint64(options.maxHeaderBytes) + options.maxBodyBytes + 64 * 1024),
      m_reader(options)
{
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimer);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { onSocketError(error); });
    if (m_ssl)
        connect(m_ssl, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
}

HttpConnection::~HttpConnection()
{
    if (m_link)
        m_link->detach(true);
}

void HttpConnection::start()
{
    m_lastActivity.start();
    m_timer.start(m_options.idleTimeout);
    processInput();
}

void HttpConnection::abortNow()
{
    if (m_state == State::Finished)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    finish();
}

void HttpConnection::processInput()
{
    if (m_state != State::Reading)
        return;
    switch (m_reader.read(m_socket)) {
    case RequestReader::Result::NeedMore:
        return;
    case RequestReader::Result::Complete:
        dispatch();
        return;
    case RequestReader::Result::Upgrade:
        handleUpgrade();
        return;
    case RequestReader::Result::Error:
        m_isHead = m_reader.isHead();
        sendError(m_reader.errorStatus(), m_reader.errorMessage());
        return;
    }
}

void HttpConnection::dispatch()
{
    m_timer.stop();
    m_state = State::Dispatched;
    m_minorVersion = m_reader.minorVersion();
    m_isHead = m_reader.isHead();
    m_closeAfterResponse = !m_reader.keepAlive();
    m_responseChunked = false;
    const HttpRequest request = m_reader.takeRequest();
    m_reader.reset();
    m_target = request.method + ' ' + request.path;
    const quint64 id = ++m_requestId;
    m_link = std::make_shared<ResponderLink>(this, id);
    auto responder = std::make_shared<HttpResponder>(m_link);
    try {
        m_handler->handle(request, std::move(responder));
        return;
    } catch (const std::exception& error) {
        qCWarning(lcHttp) << "handler failed for" << m_target << ":" << error.what();
    } catch (...) {
        qCWarning(lcHttp) << "handler failed for" << m_target;
    }
    respond(id, 500, {{"Content-Type", "application/json"}},
            wire::jsonError("internal", QStringLiteral("internal error")));
}

void HttpConnection::handleUpgrade()
{
    std::optional<std::pair<int, QByteArray>> refusal;
    try {
        refusal = m_handler->acceptWebSocket(m_reader.request());
    } catch (...) {
        refusal = std::pair{500, wire::jsonError("internal", QStringLiteral("internal error"))};
    }
    if (refusal) {
        m_socket->skip(m_reader.headBytes());
        m_minorVersion = m_reader.minorVersion();
        m_isHead = false;
        const auto& [status, body] = *refusal;
        HeaderList headers;
        if (!body.isEmpty())
            headers.append(
                qMakePair(QByteArray("Content-Type"),
                          QByteArray(body.startsWith('{') ? "application/json"
                                                          : "text/plain; charset=utf-8")));
        writeHead(checkedStatus(status), headers, body.size(), false, true);
        write(body);
        m_reader.reset();
        beginClose();
        return;
    }
    // The WebSocket server reads the handshake itself, so the head stays unread in the socket.
    m_timer.stop();
    QTcpSocket* socket = std::exchange(m_socket, nullptr);
    m_ssl = nullptr;
    socket->disconnect(this);
    socket->setParent(nullptr);
    m_state = State::Finished;
    const HttpRequest request = m_reader.takeRequest();
    m_upgrade(socket, request);
    emit finished();
}

void HttpConnection::respond(quint64 id, int status, const HeaderList& headers,
                             const QByteArray& body)
{
    if (id != m_requestId || m_state != State::Dispatched) {
        if (id == m_requestId && m_state == State::Streaming)
            qCWarning(lcHttp) << "respond() after beginStream() ignored for" << m_target;
        return;
    }
    status = checkedStatus(status);
    const bool close = m_closeAfterResponse || headersAskToClose(headers);
    const bool hasBody = wire::statusAllowsBody(status);
    writeHead(status, headers, hasBody ? std::optional<qint64>(body.size()) : std::nullopt, false,
              close);
    if (hasBody && !m_isHead)
        write(body);
    completeResponse(close);
}

void HttpConnection::beginStream(quint64 id, int status, const HeaderList& headers)
{
    if (id != m_requestId || m_state != State::Dispatched)
        return;
    status = checkedStatus(status);
    if (!wire::statusAllowsBody(status)) {
        respond(id, status, headers, {});
        return;
    }
    // HTTP/1.0 has no chunked coding: the body ends when the connection closes.
    m_responseChunked = m_minorVersion >= 1;
    m_closeAfterResponse = m_closeAfterResponse || headersAskToClose(headers) || !m_responseChunked;
    writeHead(status, headers, std::nullopt, m_responseChunked, m_closeAfterResponse);
    m_state = State::Streaming;
}

void HttpConnection::writeChunk(quint64 id, const QByteArray& data)
{
    if (id != m_requestId || m_state != State::Streaming || data.isEmpty() || m_isHead)
        return;
    if (m_responseChunked) {
        const QByteArray size = QByteArray::number(data.size(), 16);
        QByteArray framed;
        framed.reserve(size.size() + data.size() + 4);
        framed.append(size).append("\r\n").append(data).append("\r\n");
        write(framed);
    } else {
        write(data);
    }
    if (socketPending() > m_options.maxPendingBytes) {
        qCWarning(lcHttp) << "aborting" << m_target << ": more than" << m_options.maxPendingBytes
                          << "bytes pending for a slow client";
        abortNow();
    }
}

void HttpConnection::endStream(quint64 id)
{
    if (id != m_requestId || m_state != State::Streaming)
        return;
    if (m_responseChunked && !m_isHead)
        write("0\r\n\r\n");
    completeResponse(m_closeAfterResponse);
}

void HttpConnection::abandon(quint64 id)
{
    if (id != m_requestId)
        return;
    if (m_state == State::Dispatched) {
        qCWarning(lcHttp) << "request" << m_target << "was dropped without a response";
        respond(id, 500, {{"Content-Type", "application/json"}},
                wire::jsonError("internal", QStringLiteral("the request was not answered")));
    } else if (m_state == State::Streaming) {
        // Flush what was written, then close without the last chunk: an unterminated chunked
        // body tells the client the stream did not end normally.
        qCWarning(lcHttp) << "stream" << m_target << "was dropped without endStream()";
        if (std::shared_ptr<ResponderLink> link = std::exchange(m_link, nullptr))
            link->detach(true);
        beginClose();
    }
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_lastActivity.restart();
    switch (m_state) {
    case State::Reading:
        processInput();
        break;
    case State::Dispatched:
    case State::Streaming:
        // Requests are handled one at a time; a client that keeps sending meanwhile is capped.
        if (m_socket->bytesAvailable() > m_maxBufferedWhileBusy) {
            qCWarning(lcHttp) << "aborting connection from" << m_socket->peerAddress()
                              << ": too much data sent while a response is pending";
            abortNow();
        }
        break;
    case State::Closing:
        m_socket->skip(m_socket->bytesAvailable());
        break;
    case State::Finished:
        break;
    }
}

void HttpConnection::onBytesWritten()
{
    if (!m_socket)
        return;
    const qint64 pending = socketPending();
    if (m_link) {
        m_link->setSocketPending(pending);
        if (pending == 0)
            m_link->notifyDrained();
    }
    if (m_state == State::Closing && !m_lingering && pending == 0)
        shutdownWrite();
}

void HttpConnection::onSocketError(int error)
{
    // Not every error is followed by disconnected() (a failed TLS handshake, for one).
    if (error != QAbstractSocket::SslHandshakeFailedError &&
        m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    QMetaObject::invokeMethod(
        this, [this] { abortNow(); }, Qt::QueuedConnection);
}

void HttpConnection::onTimer()
{
    if (m_state == State::Closing) {
        abortNow();
        return;
    }
    if (m_state != State::Reading)
        return;
    const qint64 limit = m_options.idleTimeout.count();
    const qint64 elapsed = qMax(m_lastActivity.elapsed(), m_reader.headAgeMs());
    if (elapsed < limit) {
        m_timer.start(int(limit - elapsed));
        return;
    }
    if (!m_reader.started()) {
        beginClose(); // an idle kept-alive connection just goes away
        return;
    }
    sendError(408, QStringLiteral("the request did not arrive within %1 ms").arg(limit));
}

int HttpConnection::checkedStatus(int status) const
{
    if (status >= 200 && status <= 599)
        return status;
    qCWarning(lcHttp) << "invalid response status" << status << "for" << m_target;
    return 500;
}

void HttpConnection::writeHead(int status, const HeaderList& headers,
                               std::optional<qint64> contentLength, bool chunked, bool close)
{
    QByteArray head;
    head.reserve(256);
    head.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(wire::reasonPhrase(status))
        .append("\r\n");
    for (const auto& [name, value] : headers) {
        if (!isSafeHeader(name, value)) {
            qCWarning(lcHttp) << "dropping unsafe response header" << name << "for" << m_target;
            continue;
        }
        if (!isServerManaged(name))
            head.append(name).append(": ").append(value).append("\r\n");
    }
    if (contentLength)
        head.append("Content-Length: ").append(QByteArray::number(*contentLength)).append("\r\n");
    if (chunked)
        head.append("Transfer-Encoding: chunked\r\n");
    if (close)
        head.append("Connection: close\r\n");
    else if (m_minorVersion == 0)
        head.append("Connection: keep-alive\r\n");
    head.append("Date: ").append(wire::httpDate()).append("\r\n\r\n");
    write(head);
}

void HttpConnection::write(const QByteArray& data)
{
    if (!m_socket || data.isEmpty())
        return;
    m_socket->write(data);
    if (m_link)
        m_link->setSocketPending(socketPending());
}

void HttpConnection::completeResponse(bool close)
{
    if (std::shared_ptr<ResponderLink> link = std::exchange(m_link, nullptr))
        link->detach(close);
    if (m_state == State::Finished)
        return; // an onClosed callback stopped the server
    if (close) {
        beginClose();
        return;
    }
    m_state = State::Reading;
    m_lastActivity.restart();
    m_timer.start(m_options.idleTimeout);
    // A pipelined request may already be buffered; read it once this call stack has unwound.
    QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::sendError(int status, const QString& message)
{
    if (std::shared_ptr<ResponderLink> link = std::exchange(m_link, nullptr))
        link->detach(true);
    m_minorVersion = m_reader.minorVersion();
    const QByteArray body = wire::jsonError(wire::connectCodeFor(status), message);
    writeHead(status, {{"Content-Type", "application/json"}}, body.size(), false, true);
    if (!m_isHead)
        write(body);
    m_reader.reset();
    beginClose();
}

void HttpConnection::beginClose()
{
    m_state = State::Closing;
    // Bounded: a client that stops reading cannot keep the connection forever.
    m_timer.start(m_options.idleTimeout);
    if (socketPending() == 0)
        shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    // Lingering close: send FIN but keep reading (and dropping) until the client closes, so a
    // request body it is still sending does not turn our last response into a reset.
    m_lingering = true;
    m_timer.start(kLingerMs);
    if (m_ssl)
        m_ssl->disconnectFromHost();
    else if (m_socket->state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    if (m_socket && m_state == State::Closing)
        m_socket->skip(m_socket->bytesAvailable());
}

void HttpConnection::finish()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_timer.stop();
    if (std::shared_ptr<ResponderLink> link = std::exchange(m_link, nullptr))
        link->detach(true);
    emit finished();
}

qint64 HttpConnection::socketPending() const
{
    if (!m_socket)
        return 0;
    return m_socket->bytesToWrite() + (m_ssl ? m_ssl->encryptedBytesToWrite() : 0);
}

} // namespace builder::http
