#include "http/RequestHeadParser.h"

#include "http/HttpWire.h"

#include <cctype>

namespace builder::http {

namespace {

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

} // namespace

qsizetype RequestHeadParser::findHeadEnd(QByteArrayView data, qsizetype from)
{
    for (qsizetype i = data.indexOf('\n', qMax<qsizetype>(0, from)); i >= 0;
         i = data.indexOf('\n', i + 1)) {
        if (i + 1 < data.size() && data[i + 1] == '\n')
            return i + 2;
        if (i + 2 < data.size() && data[i + 1] == '\r' && data[i + 2] == '\n')
            return i + 3;
    }
    return -1;
}

bool RequestHeadParser::parse(QByteArrayView head)
{
    m_request = HttpRequest{};
    m_errorStatus = 0;
    m_errorMessage.clear();
    bool first = true;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return fail(400, QStringLiteral("bare carriage return in the request head"));
        if (first) {
            if (!parseRequestLine(line))
                return false;
            first = false;
        } else if (line.isEmpty()) {
            break;
        } else if (!parseHeaderLine(line)) {
            return false;
        }
    }
    if (first)
        return fail(400, QStringLiteral("empty request"));
    return true;
}

bool RequestHeadParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace)
        return fail(400, QStringLiteral("malformed request line"));
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    for (char c : method) {
        if (!wire::isTokenChar(c))
            return fail(400, QStringLiteral("malformed request method"));
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        !std::isdigit(static_cast<unsigned char>(version[5])) ||
        !std::isdigit(static_cast<unsigned char>(version[7])))
        return fail(400, QStringLiteral("malformed HTTP version"));
    if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
        return fail(505, QStringLiteral("HTTP version %1 is not supported")
                             .arg(QString::fromLatin1(version.toByteArray())));
    m_minorVersion = version[7] - '0';
    m_request.method = method.toByteArray();
    return parseTarget(target);
}

bool RequestHeadParser::parseTarget(QByteArrayView target)
{
    if (target.isEmpty())
        return fail(400, QStringLiteral("empty request target"));
    for (char c : target) {
        if (isControl(c) || c == ' ')
            return fail(400, QStringLiteral("malformed request target"));
    }
    if (target == "*") {
        m_request.path = "*";
        return true;
    }
    // Absolute form (proxies send it): keep only the path and query.
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype authority = target.indexOf("//") + 2;
        const qsizetype slash = target.indexOf('/', authority);
        const qsizetype question = target.indexOf('?', authority);
        if (slash < 0 || (question >= 0 && question < slash))
            target = question < 0 ? QByteArrayView("/") : target.sliced(question);
        else
            target = target.sliced(slash);
        if (target.startsWith('?'))
            return parseTarget(QByteArray("/") + target.toByteArray());
    }
    if (!target.startsWith('/'))
        return fail(400, QStringLiteral("malformed request target"));
    const qsizetype question = target.indexOf('?');
    if (question < 0) {
        m_request.path = target.toByteArray();
        return true;
    }
    m_request.path = target.first(question).toByteArray();
    m_request.query.setQuery(QString::fromUtf8(target.sliced(question + 1)));
    return true;
}

bool RequestHeadParser::parseHeaderLine(QByteArrayView line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, QStringLiteral("obsolete header line folding is not accepted"));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, QStringLiteral("malformed header line"));
    const QByteArrayView name = line.first(colon);
    for (char c : name) {
        if (!wire::isTokenChar(c))
            return fail(400, QStringLiteral("malformed header name"));
    }
    const QByteArrayView value = line.sliced(colon + 1).trimmed();
    for (char c : value) {
        if (isControl(c) && c != '\t')
            return fail(400, QStringLiteral("control character in header %1")
                                 .arg(QString::fromLatin1(name.toByteArray())));
    }
    const QByteArray key = name.toByteArray().toLower();
    auto it = m_request.headers.find(key);
    if (it == m_request.headers.end()) {
        m_request.headers.insert(key, value.toByteArray());
        return true;
    }
    if (key == "host")
        return fail(400, QStringLiteral("more than one Host header"));
    it->append(", ");
    it->append(value);
    return true;
}

bool RequestHeadParser::fail(int status, const QString& message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    return false;
}

} // namespace builder::http
