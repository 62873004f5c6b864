#include "HttpTestClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QUrl>

namespace builder::testing {

QJsonObject HttpTestClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpTestClient::Reply::describe() const
{
    if (status == 0)
        return "no HTTP response: " + transportError.toUtf8();
    return "HTTP " + QByteArray::number(status) + ": " + body.left(2000);
}

HttpTestClient::HttpTestClient(QString address, int timeoutMs)
    : m_address(std::move(address)), m_timeoutMs(timeoutMs)
{}

HttpTestClient::Reply HttpTestClient::get(const QString& path, const QString& token)
{
    QNetworkRequest request(QUrl("http://" + m_address + path));
    // Plain HTTP/1.1: no h2c upgrade attempt.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return finish(m_network.get(request));
}

HttpTestClient::Reply HttpTestClient::post(const QString& path, const QByteArray& body,
                                           const QString& token, const QByteArray& contentType)
{
    QNetworkRequest request(QUrl("http://" + m_address + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return finish(m_network.post(request, body));
}

HttpTestClient::Reply HttpTestClient::finish(QNetworkReply* reply)
{
    Reply out;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(m_timeoutMs)) {
        reply->abort();
        out.transportError = "timed out";
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        out.headers.insert(name.toLower(), value);
    if (out.status == 0)
        out.transportError = reply->errorString();
    reply->deleteLater();
    return out;
}

HttpTestClient::Reply HttpTestClient::raw(const QByteArray& bytes)
{
    Reply out;
    QTcpSocket socket;
    const QUrl url("http://" + m_address);
    socket.connectToHost(url.host(), static_cast<quint16>(url.port()));
    if (!socket.waitForConnected(m_timeoutMs)) {
        out.transportError = socket.errorString();
        return out;
    }
    socket.write(bytes);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState) {
        if (!socket.waitForReadyRead(m_timeoutMs))
            break;
        received += socket.readAll();
    }
    received += socket.readAll();
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        out.transportError = "incomplete response: " + QString::fromLatin1(received.left(200));
        return out;
    }
    const QList<QByteArray> lines = received.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    out.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            out.headers.insert(lines[i].left(colon).trimmed().toLower(),
                               lines[i].mid(colon + 1).trimmed());
    }
    out.body = received.mid(headEnd + 4);
    bool hasLength = false;
    const qsizetype length = out.header("content-length").toLongLong(&hasLength);
    if (hasLength)
        out.body.truncate(length);
    return out;
}

QByteArray HttpTestClient::envelope(quint8 flags, const QByteArray& data)
{
    QByteArray out;
    const auto n = static_cast<quint32>(data.size());
    out.append(static_cast<char>(flags));
    out.append(static_cast<char>((n >> 24) & 0xff));
    out.append(static_cast<char>((n >> 16) & 0xff));
    out.append(static_cast<char>((n >> 8) & 0xff));
    out.append(static_cast<char>(n & 0xff));
    return out + data;
}

std::optional<QList<HttpTestClient::Envelope>>
HttpTestClient::parseEnvelopes(const QByteArray& body)
{
    QList<Envelope> out;
    qsizetype at = 0;
    while (at < body.size()) {
        if (body.size() - at < 5)
            return std::nullopt;
        const auto* p = reinterpret_cast<const unsigned char*>(body.constData() + at);
        const quint32 n =
            (quint32(p[1]) << 24) | (quint32(p[2]) << 16) | (quint32(p[3]) << 8) | p[4];
        if (qsizetype(n) > body.size() - at - 5)
            return std::nullopt;
        out.append({p[0], body.mid(at + 5, n)});
        at += 5 + n;
    }
    return out;
}

} // namespace builder::testing
