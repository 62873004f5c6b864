#include "RawHttpClient.h"

#include <QHostAddress>

namespace builder::http::test {

RawHttpClient::RawHttpClient(quint16 port, bool tls)
    : m_port(port), m_tls(tls), m_socket(std::make_unique<QSslSocket>())
{}

bool RawHttpClient::connectToServer(int timeoutMs)
{
    if (m_tls) {
        m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        return m_socket->waitForEncrypted(timeoutMs);
    }
    m_socket->connectToHost(QHostAddress::LocalHost, m_port);
    return m_socket->waitForConnected(timeoutMs);
}

void RawHttpClient::send(const QByteArray& bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

bool RawHttpClient::fill(QDeadlineTimer deadline)
{
    if (m_socket->bytesAvailable() == 0 &&
        !m_socket->waitForReadyRead(int(deadline.remainingTime())) &&
        m_socket->bytesAvailable() == 0)
        return false;
    m_buffer += m_socket->readAll();
    return true;
}

std::optional<QByteArray> RawHttpClient::readLine(QDeadlineTimer deadline)
{
    for (;;) {
        const qsizetype newline = m_buffer.indexOf("\r\n");
        if (newline >= 0) {
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 2);
            return line;
        }
        if (!fill(deadline))
            return std::nullopt;
    }
}

std::optional<QByteArray> RawHttpClient::readExactly(qsizetype size, QDeadlineTimer deadline)
{
    while (m_buffer.size() < size) {
        if (!fill(deadline))
            return std::nullopt;
    }
    const QByteArray data = m_buffer.left(size);
    m_buffer.remove(0, size);
    return data;
}

std::optional<RawResponse> RawHttpClient::readHead(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const std::optional<QByteArray> statusLine = readLine(deadline);
    if (!statusLine || !statusLine->startsWith("HTTP/1.1 "))
        return std::nullopt;
    RawResponse response;
    response.status = statusLine->mid(9, 3).toInt();
    for (;;) {
        const std::optional<QByteArray> line = readLine(deadline);
        if (!line)
            return std::nullopt;
        if (line->isEmpty())
            break;
        const qsizetype colon = line->indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        response.headers.insert(line->left(colon).toLower(), line->mid(colon + 1).trimmed());
    }
    response.chunked = response.header("transfer-encoding") == "chunked";
    return response;
}

bool RawHttpClient::readBody(RawResponse& response, int timeoutMs, bool headRequest)
{
    const QDeadlineTimer deadline(timeoutMs);
    if (headRequest || response.status < 200 || response.status == 204 || response.status == 304)
        return true;
    if (response.chunked) {
        for (;;) {
            const std::optional<QByteArray> chunk = readChunk(int(deadline.remainingTime()));
            if (!chunk)
                return false;
            if (chunk->isEmpty())
                return true;
            response.chunks.append(*chunk);
            response.body += *chunk;
        }
    }
    if (response.headers.contains("content-length")) {
        const std::optional<QByteArray> body =
            readExactly(response.header("content-length").toLongLong(), deadline);
        if (body)
            response.body = *body;
        return body.has_value();
    }
    // Close-delimited.
    while (m_socket->state() == QAbstractSocket::ConnectedState &&
           int(deadline.remainingTime()) > 0)
        fill(deadline);
    m_buffer += m_socket->readAll();
    response.body = std::exchange(m_buffer, {});
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

std::optional<RawResponse> RawHttpClient::readResponse(int timeoutMs, bool headRequest)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        std::optional<RawResponse> response = readHead(int(deadline.remainingTime()));
        if (!response)
            return std::nullopt;
        if (response->status < 200)
            continue;
        if (!readBody(*response, int(deadline.remainingTime()), headRequest))
            return std::nullopt;
        return response;
    }
}

std::optional<QByteArray> RawHttpClient::readChunk(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const std::optional<QByteArray> sizeLine = readLine(deadline);
    if (!sizeLine)
        return std::nullopt;
    bool ok = false;
    const qsizetype size = sizeLine->toLongLong(&ok, 16);
    if (!ok)
        return std::nullopt;
    const std::optional<QByteArray> data = readExactly(size + 2, deadline);
    if (!data || !data->endsWith("\r\n"))
        return std::nullopt;
    return data->left(size);
}

bool RawHttpClient::waitForDisconnected(int timeoutMs)
{
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        return true;
    // Also buffers whatever the server still sends before its FIN.
    const bool disconnected = m_socket->waitForDisconnected(timeoutMs);
    m_buffer += m_socket->readAll();
    return disconnected || m_socket->state() == QAbstractSocket::UnconnectedState;
}

bool RawHttpClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

} // namespace builder::http::test
