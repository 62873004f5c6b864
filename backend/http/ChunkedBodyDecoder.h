#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace builder::http {

// Incremental decoder for a chunked request body (RFC 9112 §7.1). Extensions are ignored,
// trailers are read and dropped. It consumes only whole syntactic units, so the caller can peek
// at its input and discard exactly what was consumed, never reading past the body.
class ChunkedBodyDecoder
{
public:
    enum class Status
    {
        NeedMore,
        Done,
        Malformed,
        TooLarge,
        TrailersTooLarge
    };

    ChunkedBodyDecoder(qint64 maxBodyBytes, qint64 maxTrailerBytes);

    // Decodes from data, appending payload to body; returns how many bytes were consumed.
    qsizetype feed(QByteArrayView data, QByteArray& body);

    Status status() const { return m_status; }
    // With TooLarge: the size the body would have had with the offending chunk.
    qint64 attemptedBodyBytes() const { return m_attempted; }
    const QString& errorMessage() const { return m_error; }

private:
    enum class Stage
    {
        Size,
        Data,
        DataEnd,
        Trailer
    };

    static constexpr qsizetype kMaxSizeLineBytes = 4096;

    bool takeLine(QByteArrayView data, qsizetype& pos, QByteArrayView& line, qsizetype limit);
    bool parseSizeLine(QByteArrayView line, qint64& size);
    qsizetype malformed(qsizetype consumed, const QString& message);

    const qint64 m_maxBodyBytes;
    const qint64 m_maxTrailerBytes;
    Stage m_stage = Stage::Size;
    Status m_status = Status::NeedMore;
    qint64 m_remaining = 0;
    qint64 m_trailerBytes = 0;
    qint64 m_attempted = 0;
    QString m_error;
};

} // namespace builder::http
