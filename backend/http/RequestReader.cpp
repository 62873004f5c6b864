#include "http/RequestReader.h"

#include "http/HttpWire.h"
#include "http/RequestHeadParser.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace builder::http {

namespace {

// Parses Content-Length; repeated identical values ("5, 5") are accepted as RFC 9112 allows.
std::optional<qint64> parseContentLength(const QByteArray& value)
{
    std::optional<qint64> result;
    for (const QByteArray& part : value.split(',')) {
        const QByteArray digits = part.trimmed();
        if (digits.isEmpty() || digits.size() > 18)
            return std::nullopt;
        for (char c : digits) {
            if (c < '0' || c > '9')
                return std::nullopt;
        }
        const qint64 length = digits.toLongLong();
        if (result && *result != length)
            return std::nullopt;
        result = length;
    }
    return result;
}

QString tooLarge(qint64 size, qint64 limit)
{
    return QStringLiteral("request body of %1 bytes exceeds the limit of %2 bytes")
        .arg(size)
        .arg(limit);
}

} // namespace

RequestReader::RequestReader(const HttpServerOptions& options) : m_options(options) {}

void RequestReader::reset()
{
    m_stage = Stage::Head;
    m_request = HttpRequest{};
    m_started = false;
    m_scanFrom = 0;
    m_headBytes = 0;
    m_minorVersion = 1;
    m_keepAlive = true;
    m_bodyRemaining = 0;
    m_chunked.reset();
    m_errorStatus = 0;
    m_errorMessage.clear();
}

HttpRequest RequestReader::takeRequest()
{
    return std::exchange(m_request, HttpRequest{});
}

qint64 RequestReader::headAgeMs() const
{
    return m_stage == Stage::Head && m_started ? m_headTimer.elapsed() : 0;
}

RequestReader::Result RequestReader::read(QTcpSocket* socket)
{
    switch (m_stage) {
    case Stage::Head:
        return readHead(socket);
    case Stage::Body:
        return readBody(socket);
    case Stage::Chunked:
        return readChunked(socket);
    case Stage::Done:
        return m_errorStatus != 0 ? Result::Error : Result::Complete;
    }
    return Result::NeedMore;
}

RequestReader::Result RequestReader::readHead(QTcpSocket* socket)
{
    if (!m_started) {
        // Empty lines before a request are tolerated (RFC 9112 §2.2).
        char c = 0;
        while (socket->peek(&c, 1) == 1 && (c == '\r' || c == '\n'))
            socket->skip(1);
        if (socket->bytesAvailable() <= 0)
            return Result::NeedMore;
        m_started = true;
        m_headTimer.start();
    }
    const qint64 available = socket->bytesAvailable();
    if (available <= 0)
        return Result::NeedMore;
    // Peek rather than read: an accepted WebSocket upgrade must leave the head in the socket.
    const QByteArray peeked = socket->peek(qMin<qint64>(available, m_options.maxHeaderBytes));
    const qsizetype end = RequestHeadParser::findHeadEnd(peeked, m_scanFrom);
    if (end < 0) {
        if (peeked.size() >= m_options.maxHeaderBytes)
            return fail(431, QStringLiteral("request header section exceeds %1 bytes")
                                 .arg(m_options.maxHeaderBytes));
        m_scanFrom = qMax<qsizetype>(0, peeked.size() - 3);
        return Result::NeedMore;
    }
    RequestHeadParser parser;
    if (!parser.parse(QByteArrayView(peeked).first(end)))
        return fail(parser.errorStatus(), parser.errorMessage());
    m_request = std::move(parser.request());
    m_request.peer = socket->peerAddress();
    m_request.secure = qobject_cast<QSslSocket*>(socket) != nullptr;
    m_minorVersion = parser.minorVersion();
    m_headBytes = end;
    const QByteArray connection = m_request.header("connection");
    m_keepAlive = m_minorVersion >= 1 ? !wire::hasToken(connection, "close")
                                      : wire::hasToken(connection, "keep-alive");
    if (wire::hasToken(m_request.header("upgrade"), "websocket") &&
        wire::hasToken(connection, "upgrade"))
        return Result::Upgrade;
    socket->skip(end);
    return startBody(socket);
}

RequestReader::Result RequestReader::startBody(QTcpSocket* socket)
{
    const QByteArray transferEncoding = m_request.header("transfer-encoding");
    const bool hasLength = m_request.headers.contains("content-length");
    if (!transferEncoding.isEmpty()) {
        if (hasLength)
            return fail(400, QStringLiteral("both Content-Length and Transfer-Encoding are set"));
        if (m_minorVersion == 0)
            return fail(400, QStringLiteral("Transfer-Encoding in an HTTP/1.0 request"));
        if (transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0) {
            const QByteArray last = transferEncoding.split(',').constLast().trimmed();
            if (last.compare("chunked", Qt::CaseInsensitive) == 0)
                return fail(501, QStringLiteral("transfer coding %1 is not supported")
                                     .arg(QString::fromLatin1(transferEncoding)));
            return fail(400, QStringLiteral("the request body length cannot be determined"));
        }
        if (!expectContinue(socket, true))
            return Result::Error;
        m_chunked.emplace(m_options.maxBodyBytes, m_options.maxHeaderBytes);
        m_stage = Stage::Chunked;
        return readChunked(socket);
    }
    qint64 length = 0;
    if (hasLength) {
        const std::optional<qint64> parsed = parseContentLength(m_request.header("content-length"));
        if (!parsed)
            return fail(400, QStringLiteral("malformed Content-Length"));
        length = *parsed;
        // Refused before reading any of it.
        if (length > m_options.maxBodyBytes)
            return fail(413, tooLarge(length, m_options.maxBodyBytes));
    }
    if (!expectContinue(socket, length > 0))
        return Result::Error;
    if (length == 0) {
        m_stage = Stage::Done;
        return Result::Complete;
    }
    m_bodyRemaining = length;
    m_request.body.reserve(qMin<qint64>(length, 64 * 1024));
    m_stage = Stage::Body;
    return readBody(socket);
}

bool RequestReader::expectContinue(QTcpSocket* socket, bool bodyExpected)
{
    const QByteArray expect = m_request.header("expect");
    if (expect.isEmpty())
        return true;
    if (expect.compare("100-continue", Qt::CaseInsensitive) != 0) {
        fail(417, QStringLiteral("unsupported expectation %1").arg(QString::fromLatin1(expect)));
        return false;
    }
    if (bodyExpected && m_minorVersion >= 1 && socket->bytesAvailable() == 0)
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

RequestReader::Result RequestReader::readBody(QTcpSocket* socket)
{
    const qint64 take = qMin(socket->bytesAvailable(), m_bodyRemaining);
    if (take > 0) {
        const qsizetype offset = m_request.body.size();
        m_request.body.resize(offset + take);
        const qint64 got = qMax<qint64>(socket->read(m_request.body.data() + offset, take), 0);
        m_request.body.resize(offset + got);
        m_bodyRemaining -= got;
    }
    if (m_bodyRemaining > 0)
        return Result::NeedMore;
    m_stage = Stage::Done;
    return Result::Complete;
}

RequestReader::Result RequestReader::readChunked(QTcpSocket* socket)
{
    for (;;) {
        const qint64 available = socket->bytesAvailable();
        if (available <= 0)
            return Result::NeedMore;
        // Peek so that bytes after the body (a pipelined request) stay in the socket.
        const QByteArray peeked = socket->peek(qMin(available, kMaxChunkedPeekBytes));
        const qsizetype consumed = m_chunked->feed(peeked, m_request.body);
        socket->skip(consumed);
        switch (m_chunked->status()) {
        case ChunkedBodyDecoder::Status::NeedMore:
            if (consumed == 0)
                return Result::NeedMore;
            break;
        case ChunkedBodyDecoder::Status::Done:
            m_chunked.reset();
            m_stage = Stage::Done;
            return Result::Complete;
        case ChunkedBodyDecoder::Status::TooLarge:
            return fail(413, tooLarge(m_chunked->attemptedBodyBytes(), m_options.maxBodyBytes));
        case ChunkedBodyDecoder::Status::TrailersTooLarge:
            return fail(431, m_chunked->errorMessage());
        case ChunkedBodyDecoder::Status::Malformed:
            return fail(400, m_chunked->errorMessage());
        }
    }
}

RequestReader::Result RequestReader::fail(int status, const QString& message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    m_stage = Stage::Done;
    return Result::Error;
}

} // namespace builder::http
