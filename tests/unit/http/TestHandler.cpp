#include "TestHandler.h"

namespace builder::http::test {

void TestHandler::handle(const HttpRequest& request, ResponderPtr responder)
{
    {
        std::lock_guard lock(m_mutex);
        m_requests.append(request);
    }
    ++m_handled;
    if (onHandle) {
        onHandle(request, std::move(responder));
        return;
    }
    responder->respond(200,
                       {{"Content-Type", "application/octet-stream"},
                        {"X-Method", request.method},
                        {"X-Path", request.path}},
                       request.body);
}

std::optional<std::pair<int, QByteArray>> TestHandler::acceptWebSocket(const HttpRequest& request)
{
    {
        std::lock_guard lock(m_mutex);
        m_requests.append(request);
    }
    return onAccept ? onAccept(request) : std::nullopt;
}

void TestHandler::onWebSocket(const HttpRequest& request, QWebSocket* socket)
{
    if (onSocket)
        onSocket(request, socket);
}

QList<HttpRequest> TestHandler::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void TestHandler::keep(ResponderPtr responder)
{
    std::lock_guard lock(m_mutex);
    m_kept.append(std::move(responder));
}

QList<ResponderPtr> TestHandler::kept() const
{
    std::lock_guard lock(m_mutex);
    return m_kept;
}

} // namespace builder::http::test
