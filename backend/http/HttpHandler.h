#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"

#include <optional>
#include <utility>

class QWebSocket;

namespace builder::http {

// What the server calls for each request; implemented by the application (Connect gateway).
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;

    // Called on one of the server's I/O threads. Answer synchronously or later from any thread
    // through the responder. Dropping the last ResponderPtr without answering yields a 500 (or,
    // mid-stream, an aborted connection) so a forgotten request never hangs its connection.
    virtual void handle(const HttpRequest& request, ResponderPtr responder) = 0;

    // WebSocket upgrade (GET with "Upgrade: websocket"): return std::nullopt to accept, or an HTTP
    // status and body to refuse (e.g. 401). The refusal is sent as a normal response and the
    // connection is closed. Called on the I/O thread.
    virtual std::optional<std::pair<int, QByteArray>>
    acceptWebSocket(const HttpRequest& request) = 0;

    // The upgraded socket, on its I/O thread (use it only there). The server owns it and deletes it
    // (deleteLater) when it disconnects or the server stops: keep a QPointer, not a raw pointer.
    virtual void onWebSocket(const HttpRequest& request, QWebSocket* socket) = 0;
};

} // namespace builder::http
