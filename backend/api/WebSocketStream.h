#pragma once

#include "RpcStream.h"

#include <QPointer>
#include <QWebSocket>

#include <atomic>
#include <mutex>

namespace builder::api {

// ListEvents over a WebSocket: one text frame per message, `{"event":{...}}`,
// and a last frame `{"error":{...}}` before closing when the stream fails.
class WebSocketStream : public RpcStream, public std::enable_shared_from_this<WebSocketStream>
{
public:
    static constexpr qint64 kHighWaterBytes = 1024 * 1024;

    // Call on the socket's thread.
    static std::shared_ptr<WebSocketStream> attach(QWebSocket* socket);

    void send(const google::protobuf::Message& message) override;
    void finish(const common::Status& status, Trailers trailers = {}) override;
    bool congested() const override { return m_queuedBytes.load() > kHighWaterBytes; }
    bool closed() const override { return m_closed.load(); }
    void setOnDrained(std::function<void()> callback) override;
    void setOnClosed(std::function<void()> callback) override;

private:
    explicit WebSocketStream(QWebSocket* socket) : m_socket(socket) {}
    void post(std::function<void(QWebSocket*)> work);
    void closedBySocket();

    QPointer<QWebSocket> m_socket;
    std::atomic<bool> m_closed{false};
    std::atomic<bool> m_finished{false};
    std::atomic<qint64> m_queuedBytes{0};
    std::mutex m_mutex;
    std::function<void()> m_onClosed;
    std::function<void()> m_onDrained;
};

} // namespace builder::api
