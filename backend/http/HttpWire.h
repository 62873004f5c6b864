#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLoggingCategory>
#include <QString>

namespace builder::http {
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // "builder.http"
} // namespace builder::http

// Small pieces of HTTP/1.1 wire format shared by the parser and the connection.
namespace builder::http::wire {

// "OK", "Not Found", ...; "Unknown" for codes without a registered phrase.
QByteArray reasonPhrase(int status);

// A Connect-style JSON error body: {"code":"...","message":"..."}.
QByteArray jsonError(const QByteArray& code, const QString& message);

// The Connect error code that best matches an HTTP status the server itself produces.
QByteArray connectCodeFor(int status);

// The current time as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), cached per second.
QByteArray httpDate();

// True when a comma-separated header value lists token (case-insensitive).
bool hasToken(QByteArrayView headerValue, QByteArrayView token);

// RFC 9110 token characters (header names, methods).
bool isTokenChar(char c);

// Whether a response with this status carries a body (not 1xx, 204, 304).
bool statusAllowsBody(int status);

} // namespace builder::http::wire
