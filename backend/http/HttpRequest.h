#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QUrlQuery>

namespace builder::http {

// One parsed HTTP request; immutable once handed to a handler.
struct HttpRequest
{
    QByteArray method;                     // "POST", case as sent (methods are case-sensitive)
    QByteArray path;                       // raw (still percent-encoded) path, no query
    QUrlQuery query;                       // parsed query string
    QHash<QByteArray, QByteArray> headers; // keys lower-cased; repeats joined with ", "
    QByteArray body;                       // de-chunked when sent chunked
    QHostAddress peer;
    bool secure = false; // arrived over TLS

    // The value of a header (name in lower case), or an empty array.
    QByteArray header(const QByteArray& lowerName) const;
};

} // namespace builder::http
