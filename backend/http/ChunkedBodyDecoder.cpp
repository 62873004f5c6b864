#include "http/ChunkedBodyDecoder.h"

namespace builder::http {

ChunkedBodyDecoder::ChunkedBodyDecoder(qint64 maxBodyBytes, qint64 maxTrailerBytes)
    : m_maxBodyBytes(maxBodyBytes), m_maxTrailerBytes(maxTrailerBytes)
{}

qsizetype ChunkedBodyDecoder::feed(QByteArrayView data, QByteArray& body)
{
    qsizetype pos = 0;
    while (m_status == Status::NeedMore && pos < data.size()) {
        QByteArrayView line;
        switch (m_stage) {
        case Stage::Size: {
            if (!takeLine(data, pos, line, kMaxSizeLineBytes))
                return pos;
            qint64 size = 0;
            if (!parseSizeLine(line, size))
                return malformed(pos, QStringLiteral("malformed chunk size line"));
            if (size == 0) {
                m_stage = Stage::Trailer;
            } else if (size > m_maxBodyBytes - body.size()) {
                m_attempted = body.size() + size;
                m_status = Status::TooLarge;
            } else {
                m_remaining = size;
                m_stage = Stage::Data;
            }
            break;
        }
        case Stage::Data: {
            const qsizetype take = qMin<qint64>(m_remaining, data.size() - pos);
            body.append(data.sliced(pos, take));
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_stage = Stage::DataEnd;
            break;
        }
        case Stage::DataEnd:
            if (!takeLine(data, pos, line, 2))
                return pos;
            if (!line.isEmpty())
                return malformed(pos, QStringLiteral("chunk data longer than its size"));
            m_stage = Stage::Size;
            break;
        case Stage::Trailer: {
            const qsizetype before = pos;
            if (!takeLine(data, pos, line, m_maxTrailerBytes - m_trailerBytes + 2)) {
                if (m_status == Status::Malformed) {
                    m_status = Status::TrailersTooLarge;
                    m_error =
                        QStringLiteral("request trailers exceed %1 bytes").arg(m_maxTrailerBytes);
                }
                return pos;
            }
            m_trailerBytes += pos - before;
            if (m_trailerBytes > m_maxTrailerBytes) {
                m_status = Status::TrailersTooLarge;
                m_error = QStringLiteral("request trailers exceed %1 bytes").arg(m_maxTrailerBytes);
            } else if (line.isEmpty()) {
                m_status = Status::Done;
            }
            break;
        }
        }
    }
    return pos;
}

bool ChunkedBodyDecoder::takeLine(QByteArrayView data, qsizetype& pos, QByteArrayView& line,
                                  qsizetype limit)
{
    const QByteArrayView rest = data.sliced(pos);
    const qsizetype newline = rest.first(qMin(rest.size(), limit + 1)).indexOf('\n');
    if (newline < 0) {
        if (rest.size() > limit) {
            m_status = Status::Malformed;
            m_error = QStringLiteral("chunk line too long");
        }
        return false;
    }
    line = rest.first(newline);
    if (line.endsWith('\r'))
        line.chop(1);
    pos += newline + 1;
    return true;
}

bool ChunkedBodyDecoder::parseSizeLine(QByteArrayView line, qint64& size)
{
    qsizetype i = 0;
    size = 0;
    for (; i < line.size(); ++i) {
        const char c = line[i];
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            break;
        if (i >= 15) // more than 2^60 bytes: nonsense, and guards the shift below
            return false;
        size = (size << 4) | digit;
    }
    if (i == 0)
        return false;
    const QByteArrayView rest = line.sliced(i).trimmed();
    return rest.isEmpty() || rest.startsWith(';');
}

qsizetype ChunkedBodyDecoder::malformed(qsizetype consumed, const QString& message)
{
    m_status = Status::Malformed;
    m_error = message;
    return consumed;
}

} // namespace builder::http
