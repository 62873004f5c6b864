#pragma once

#include "http/HttpRequest.h"

#include <QByteArrayView>
#include <QString>

namespace builder::http {

// Parses a complete request head (request line, header lines, empty line) into an HttpRequest.
// Strict where leniency enables smuggling (obs-fold, space before colon, bare CR, duplicate Host)
// and lenient where it is harmless (LF-only line ends).
class RequestHeadParser
{
public:
    // Offset just past the empty line that ends the head in data, or -1 if not there yet.
    // Searching resumes at from (pass the previous data size minus 3 to avoid rescanning).
    static qsizetype findHeadEnd(QByteArrayView data, qsizetype from = 0);

    // False on a malformed head; errorStatus()/errorMessage() then say why (400 or 505).
    bool parse(QByteArrayView head);

    HttpRequest& request() { return m_request; }
    int minorVersion() const { return m_minorVersion; }
    int errorStatus() const { return m_errorStatus; }
    const QString& errorMessage() const { return m_errorMessage; }

private:
    bool parseRequestLine(QByteArrayView line);
    bool parseTarget(QByteArrayView target);
    bool parseHeaderLine(QByteArrayView line);
    bool fail(int status, const QString& message);

    HttpRequest m_request;
    int m_minorVersion = 1;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace builder::http
