#pragma once

#include "http/HttpHandler.h"

#include <QList>

#include <atomic>
#include <functional>
#include <mutex>

namespace builder::http::test {

// A scriptable handler: each hook can be replaced per test; by default requests are echoed and
// WebSocket upgrades accepted. Records what it saw (thread-safe; hooks run on I/O threads).
class TestHandler : public HttpHandler
{
public:
    std::function<void(const HttpRequest&, ResponderPtr)> onHandle;
    std::function<std::optional<std::pair<int, QByteArray>>(const HttpRequest&)> onAccept;
    std::function<void(const HttpRequest&, QWebSocket*)> onSocket;

    void handle(const HttpRequest& request, ResponderPtr responder) override;
    std::optional<std::pair<int, QByteArray>> acceptWebSocket(const HttpRequest& request) override;
    void onWebSocket(const HttpRequest& request, QWebSocket* socket) override;

    int handledCount() const { return m_handled.load(); }
    QList<HttpRequest> requests() const;

    // Responders kept by hooks that answer later (streams); thread-safe.
    void keep(ResponderPtr responder);
    QList<ResponderPtr> kept() const;

private:
    std::atomic<int> m_handled{0};
    mutable std::mutex m_mutex;
    QList<HttpRequest> m_requests;
    QList<ResponderPtr> m_kept;
};

} // namespace builder::http::test
