#pragma once

#include "http/HttpHandler.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "http/HttpServerOptions.h"

#include <QHostAddress>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace builder::http {

class IoWorker;
class TcpListener;

// A small HTTP/1.1 server (keep-alive, chunked bodies both ways, WebSocket upgrade, optional TLS)
// that runs on its own threads: one acceptor plus options.ioThreads event-loop threads serving
// the connections, handed out round-robin. start() and stop() need no event loop in the calling
// thread, but a QCoreApplication must exist. Not for calling from the handler's I/O threads.
class HttpServer
{
public:
    HttpServer(HttpServerOptions options, HttpHandler* handler);
    ~HttpServer(); // stop()
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Loads the TLS files if set, starts the threads and binds. On failure, returns false and
    // fills error (if given) with the address and the reason; nothing keeps running.
    bool start(QString* error = nullptr);

    // The bound port (useful with options.port == 0) and address; 0 / null before start().
    quint16 port() const;
    QHostAddress address() const;
    bool isRunning() const;

    // Stops accepting, closes every connection (open streams see their onClosed callbacks, which
    // have all run when this returns) and WebSocket, then joins the threads. Idempotent.
    void stop();

private:
    bool startLocked(QString* error);
    void stopLocked();

    const HttpServerOptions m_options;
    HttpHandler* const m_handler;
    std::mutex m_lifecycleMutex; // serialises start() and stop()
    // Readable while stop() runs (e.g. from an onClosed callback), so not under the mutex above.
    std::atomic<bool> m_running{false};
    std::atomic<quint16> m_port{0};
    mutable std::mutex m_addressMutex;
    QHostAddress m_address;
    std::unique_ptr<QThread> m_acceptorThread;
    TcpListener* m_listener = nullptr; // lives on m_acceptorThread
    std::vector<std::unique_ptr<QThread>> m_ioThreads;
    std::vector<IoWorker*> m_workers; // one per I/O thread, living there
    std::size_t m_nextWorker = 0;     // acceptor thread only
};

} // namespace builder::http
