#include "WebhookReceiver.h"

#include <QTcpSocket>

namespace builder::itest {

WebhookReceiver::WebhookReceiver()
{
    connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiver::onConnection);
}

bool WebhookReceiver::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void WebhookReceiver::script(std::initializer_list<int> statuses)
{
    m_script.insert(m_script.end(), statuses.begin(), statuses.end());
}

void WebhookReceiver::onConnection()
{
    while (auto* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void WebhookReceiver::onReadable(QTcpSocket* socket)
{
    auto& buffer = m_buffers[socket];
    buffer += socket->readAll();
    while (true) {
        const auto headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        Request request;
        const auto lines = buffer.left(headEnd).split('\n');
        const auto first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const auto colon = lines[i].indexOf(':');
            if (colon <= 0)
                continue;
            const auto name = lines[i].left(colon).trimmed().toLower();
            request.headers.insert(name, lines[i].mid(colon + 1).trimmed());
            if (name == "content-length")
                length = lines[i].mid(colon + 1).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        request.answered = 200;
        if (!m_script.empty()) {
            request.answered = m_script.front();
            m_script.pop_front();
        }
        m_requests.push_back(request);
        const QByteArray body = request.answered < 300 ? "ok" : "try again";
        socket->write("HTTP/1.1 " + QByteArray::number(request.answered) +
                      " Status\r\nContent-Type: text/plain\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
}

} // namespace builder::itest
