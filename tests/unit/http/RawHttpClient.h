#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QSslSocket>

#include <memory>
#include <optional>

namespace builder::http::test {

// A response as seen on the wire.
struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;                       // de-chunked
    QList<QByteArray> chunks;              // the chunks, when chunked
    bool chunked = false;
    QByteArray header(const QByteArray& name) const { return headers.value(name); }
};

// A deliberately low-level HTTP/1.1 client over one socket: sends raw bytes, parses responses
// (Content-Length, chunked, close-delimited) with bounded blocking waits.
class RawHttpClient
{
public:
    explicit RawHttpClient(quint16 port, bool tls = false);

    bool connectToServer(int timeoutMs = 5000);
    void send(const QByteArray& bytes);

    // The next response head (1xx responses are returned too); the body stays buffered.
    std::optional<RawResponse> readHead(int timeoutMs = 5000);
    // The body of a response whose head was read; headRequest => no body follows.
    bool readBody(RawResponse& response, int timeoutMs = 5000, bool headRequest = false);
    // readHead + readBody, skipping 1xx responses.
    std::optional<RawResponse> readResponse(int timeoutMs = 5000, bool headRequest = false);
    // The next chunk of a chunked body; an empty array is the terminating chunk.
    std::optional<QByteArray> readChunk(int timeoutMs = 5000);

    bool waitForDisconnected(int timeoutMs = 5000);
    bool isConnected() const;
    QSslSocket& socket() { return *m_socket; }

private:
    bool fill(QDeadlineTimer deadline);
    std::optional<QByteArray> readLine(QDeadlineTimer deadline);
    std::optional<QByteArray> readExactly(qsizetype size, QDeadlineTimer deadline);

    quint16 m_port;
    bool m_tls;
    std::unique_ptr<QSslSocket> m_socket; // plain TCP unless tls
    QByteArray m_buffer;
};

} // namespace builder::http::test
