#pragma once

#include "http/ChunkedBodyDecoder.h"
#include "http/HttpRequest.h"
#include "http/HttpServerOptions.h"

#include <QElapsedTimer>
#include <QString>

#include <optional>

class QTcpSocket;

namespace builder::http {

// Reads one request at a time from a socket: head (peeked, so an upgrade can leave it unread),
// then a Content-Length or chunked body. Never consumes bytes past the end of the request, so
// pipelined requests stay in the socket until the current one has been answered.
class RequestReader
{
public:
    enum class Result
    {
        NeedMore,
        Complete, // takeRequest()
        Upgrade,  // a WebSocket upgrade; the head is still unread (headBytes())
        Error     // errorStatus()/errorMessage(); the connection must answer and close
    };

    explicit RequestReader(const HttpServerOptions& options);

    // Consumes what is available; may write "100 Continue" to the socket.
    Result read(QTcpSocket* socket);

    HttpRequest takeRequest();
    void reset();

    bool started() const { return m_started; } // bytes of the request have arrived
    qint64 headAgeMs() const;                  // since the first byte, while reading the head
    bool readingHead() const { return m_stage == Stage::Head; }
    int minorVersion() const { return m_minorVersion; }
    bool keepAlive() const { return m_keepAlive; }
    bool isHead() const { return m_request.method == "HEAD"; }
    qsizetype headBytes() const { return m_headBytes; }
    const HttpRequest& request() const { return m_request; }
    int errorStatus() const { return m_errorStatus; }
    const QString& errorMessage() const { return m_errorMessage; }

private:
    enum class Stage
    {
        Head,
        Body,
        Chunked,
        Done
    };

    Result readHead(QTcpSocket* socket);
    Result startBody(QTcpSocket* socket);
    Result readBody(QTcpSocket* socket);
    Result readChunked(QTcpSocket* socket);
    bool expectContinue(QTcpSocket* socket, bool bodyExpected);
    Result fail(int status, const QString& message);

    static constexpr qint64 kMaxChunkedPeekBytes = 256 * 1024;

    const HttpServerOptions& m_options;
    Stage m_stage = Stage::Head;
    HttpRequest m_request;
    bool m_started = false;
    QElapsedTimer m_headTimer;
    qsizetype m_scanFrom = 0;
    qsizetype m_headBytes = 0;
    int m_minorVersion = 1;
    bool m_keepAlive = true;
    qint64 m_bodyRemaining = 0;
    std::optional<ChunkedBodyDecoder> m_chunked;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace builder::http
