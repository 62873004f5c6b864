#pragma once

#include <QByteArray>
#include <QString>

namespace builder::client {

// How to reach one builderd: where it listens, with which token, over TLS or not.
struct ConnectionSettings
{
    enum class Mode
    {
        Local,
        Remote
    };
    // Which path carries the live event feed.
    enum class EventTransport
    {
        Automatic, // gRPC, falling back to the WebSocket feed when gRPC streaming fails
        Grpc,
        WebSocket
    };

    Mode mode = Mode::Local;
    QString grpcAddress; // HOST:PORT
    QString httpAddress; // HOST:PORT of the HTTP port (WebSocket feed); empty when unknown
    bool tls = false;
    QByteArray caPem;
    QString token;
    QString dataDir; // the local builderd's data directory (local mode)
    EventTransport eventTransport = EventTransport::Automatic;
    int callTimeoutMs = 30000;

    // A stable name for per-server storage (offline cache file, keychain entry).
    QString serverKey() const;
    // True for loopback addresses, where plaintext is acceptable.
    bool isLoopback() const;
};

} // namespace builder::client
