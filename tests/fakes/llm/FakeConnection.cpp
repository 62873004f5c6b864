#include "FakeConnection.h"

#include <QTcpSocket>
#include <QTimer>

namespace builder::fakes {

FakeConnection::FakeConnection(QTcpSocket* socket, std::shared_ptr<FakeServerState> state,
                               QObject* parent)
    : QObject(parent), m_socket(socket), m_state(std::move(state))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &FakeConnection::onReadable);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        {
            std::lock_guard<std::mutex> lock(m_state->mutex);
            ++m_state->disconnects;
        }
        m_state->changed.notify_all();
        deleteLater();
    });
}

void FakeConnection::onReadable()
{
    m_buffer += m_socket->readAll();
    while (!m_busy && m_socket->state() == QAbstractSocket::ConnectedState && parseOne()) {
    }
}

void FakeConnection::fail(int status, const QByteArray& message)
{
    FakeResponse response;
    response.status = status;
    response.headers = {{"content-type", "application/json"}};
    response.body = "{\"error\":\"" + message + "\"}";
    m_buffer.clear();
    send(response, true);
}

bool FakeConnection::parseOne()
{
    // A TLS ClientHello or other binary: answer in plain HTTP at once, which a TLS client
    // reports as a failed handshake (instead of both sides waiting).
    if (!m_buffer.isEmpty() && (m_buffer[0] < 'A' || m_buffer[0] > 'Z')) {
        fail(400, "not an HTTP request (TLS is not spoken here)");
        return false;
    }
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (m_buffer.size() > kMaxHead)
            fail(431, "request head too large");
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        fail(400, "malformed request line");
        return false;
    }
    FakeRequest request;
    request.method = requestLine[0];
    request.target = requestLine[1];
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
    qsizetype length = 0;
    bool close = requestLine[2] == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "connection")
            close = value.toLower() == "close"        ? true
                    : value.toLower() == "keep-alive" ? false
                                                      : close;
        else if (name == "transfer-encoding") {
            fail(501, "chunked request bodies are not supported by the fake server");
            return false;
        }
    }
    if (length < 0 || length > kMaxBody) {
        fail(413, "request body too large");
        return false;
    }
    if (m_buffer.size() < headEnd + 4 + length)
        return false;
    request.body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, headEnd + 4 + length);
    request.interpret();

    const FakeResponse response = FakeWire::render(m_state->accept(request), request);
    if (response.delay.count() > 0) {
        m_busy = true;
        m_delay = new QTimer(this);
        m_delay->setSingleShot(true);
        connect(m_delay, &QTimer::timeout, this, [this, response, close] {
            m_busy = false;
            send(response, close);
            onReadable(); // requests that arrived meanwhile
        });
        m_delay->start(response.delay);
        return false;
    }
    send(response, close);
    return true;
}

void FakeConnection::send(const FakeResponse& response, bool close)
{
    if (response.disconnect) {
        m_socket->abort();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " " +
                     FakeWire::reasonPhrase(response.status) + "\r\n";
    const qsizetype declared = response.body.size() + (response.truncate ? 512 : 0);
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "content-length: " + QByteArray::number(declared) + "\r\n";
    if (close || response.truncate)
        out += "connection: close\r\n";
    out += "\r\n" + response.body;
    m_socket->write(out);
    if (close || response.truncate)
        m_socket->disconnectFromHost();
}

} // namespace builder::fakes
