#pragma once

#include <QHostAddress>
#include <QString>

#include <chrono>

namespace builder::http {

// Listening address, limits and TLS files of an HttpServer.
struct HttpServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0 = pick a free port; HttpServer::port() tells which
    qint64 maxBodyBytes = 1024 * 1024;
    int ioThreads = 2;
    int maxHeaderBytes = 64 * 1024; // request line + headers (and chunked trailers)
    // A connection waiting for (or in the middle of) a request longer than this is closed; a
    // request head must also arrive completely within it. Running responses never time out.
    std::chrono::milliseconds idleTimeout{60000};
    // A response whose unsent bytes exceed this is aborted: the producer ignored pendingBytes().
    qint64 maxPendingBytes = 64 * 1024 * 1024;
    QString tlsCertificateFile, tlsKeyFile; // both set => HTTPS (QSslSocket), wss likewise
};

} // namespace builder::http
