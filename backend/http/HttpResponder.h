#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <atomic>
#include <functional>
#include <memory>

namespace builder::http {

class ResponderLink;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// The handle that answers one request. Every method may be called from any thread: work is
// marshalled to the connection's I/O thread in call order. Once the client is gone, the server
// stopped or the response completed, calls are harmless no-ops.
//
// Headers: Content-Length, Transfer-Encoding and Connection are managed by the server and dropped
// from the given list ("Connection: close" is honoured by closing after the response). Headers
// whose name or value contains CR, LF or NUL are dropped.
class HttpResponder
{
public:
    explicit HttpResponder(std::shared_ptr<ResponderLink> link);
    ~HttpResponder();
    HttpResponder(const HttpResponder&) = delete;
    HttpResponder& operator=(const HttpResponder&) = delete;

    // A complete response with Content-Length. Only the first respond()/beginStream() counts.
    void respond(int status, const HeaderList& headers, const QByteArray& body);

    // A streamed response: chunked transfer encoding (close-delimited for HTTP/1.0 clients).
    void beginStream(int status, const HeaderList& headers);
    void writeChunk(const QByteArray& data); // empty data is ignored
    void endStream();

    // True once nothing more can be sent: the client disconnected, the server stopped, or the
    // response completed.
    bool isClosed() const;

    // Called once, on the I/O thread (or right away on the calling thread if already closed), when
    // the client disconnects or the server stops before the response completed, or when the
    // response completes and the connection closes after it. Not called when the response
    // completes on a kept-alive connection. Used to stop live streams.
    void setOnClosed(std::function<void()> callback);

    // Called on the I/O thread each time the bytes queued for the socket drop to zero, so a
    // producer that backed off on pendingBytes() can resume without polling.
    void setOnDrained(std::function<void()> callback);

    // Bytes accepted by writeChunk()/respond() but not yet handed to the kernel (back-pressure).
    qint64 pendingBytes() const;

private:
    std::shared_ptr<ResponderLink> m_link;
    std::atomic<bool> m_answered{false}; // respond() or endStream() was called
};

using ResponderPtr = std::shared_ptr<HttpResponder>;

} // namespace builder::http
