#include "WebSocketStream.h"

#include "ErrorDetails.h"
#include "JsonCodec.h"

#include <QMetaObject>

namespace builder::api {

std::shared_ptr<WebSocketStream> WebSocketStream::attach(QWebSocket* socket)
{
    std::shared_ptr<WebSocketStream> stream(new WebSocketStream(socket));
    std::weak_ptr<WebSocketStream> weak = stream;
    QObject::connect(socket, &QWebSocket::disconnected, socket, [weak] {
        if (auto self = weak.lock())
            self->closedBySocket();
    });
    QObject::connect(socket, &QWebSocket::bytesWritten, socket, [weak](qint64 written) {
        auto self = weak.lock();
        if (!self)
            return;
        const bool wasCongested = self->congested();
        self->m_queuedBytes -= written;
        if (wasCongested && !self->congested()) {
            std::function<void()> drained;
            {
                std::lock_guard lock(self->m_mutex);
                drained = self->m_onDrained;
            }
            if (drained)
                drained();
        }
    });
    return stream;
}

void WebSocketStream::post(std::function<void(QWebSocket*)> work)
{
    QPointer<QWebSocket> socket = m_socket;
    if (!socket)
        return;
    QMetaObject::invokeMethod(
        socket.data(),
        [socket, work = std::move(work)] {
            if (socket)
                work(socket.data());
        },
        Qt::QueuedConnection);
}

void WebSocketStream::send(const google::protobuf::Message& message)
{
    if (m_closed || m_finished)
        return;
    QString text = QString::fromStdString(JsonCodec::toJson(message));
    m_queuedBytes += text.size();
    post([text](QWebSocket* socket) { socket->sendTextMessage(text); });
}

void WebSocketStream::finish(const common::Status& status, Trailers)
{
    if (m_finished.exchange(true))
        return;
    QString last;
    if (!status.ok())
        last =
            QString::fromStdString("{\"error\":" + ErrorDetails::connectJson(status.error()) + "}");
    post([last](QWebSocket* socket) {
        if (!last.isEmpty())
            socket->sendTextMessage(last);
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    });
}

void WebSocketStream::setOnDrained(std::function<void()> callback)
{
    std::lock_guard lock(m_mutex);
    m_onDrained = std::move(callback);
}

void WebSocketStream::setOnClosed(std::function<void()> callback)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed) {
            m_onClosed = std::move(callback);
            return;
        }
    }
    callback();
}

void WebSocketStream::closedBySocket()
{
    std::function<void()> callback;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed.exchange(true))
            return;
        callback = std::move(m_onClosed);
        m_onDrained = nullptr;
    }
    if (callback)
        callback();
}

} // namespace builder::api
