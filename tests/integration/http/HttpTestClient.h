#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>

#include <optional>

namespace builder::testing {

// Blocking HTTP/1.1 calls against builderd for tests (QNetworkAccessManager, or a
// raw socket when the test needs the exact bytes on the wire).
class HttpTestClient
{
public:
    struct Reply
    {
        int status = 0; // 0: no HTTP response arrived
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QString transportError;                // set when status is 0

        QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
        // The body as a JSON object (empty when it is not one).
        QJsonObject json() const;
        // For failure messages.
        QByteArray describe() const;
    };

    // One Connect streaming envelope.
    struct Envelope
    {
        quint8 flags = 0;
        QByteArray data;
    };

    explicit HttpTestClient(QString address, int timeoutMs = 15000);

    Reply get(const QString& path, const QString& token = {});
    Reply post(const QString& path, const QByteArray& body, const QString& token = {},
               const QByteArray& contentType = "application/json");
    // Writes `bytes` verbatim on a fresh connection and reads the response until
    // the server closes it (send "Connection: close").
    Reply raw(const QByteArray& bytes);

    static QByteArray envelope(quint8 flags, const QByteArray& data);
    // nullopt when the body is not a whole number of envelopes.
    static std::optional<QList<Envelope>> parseEnvelopes(const QByteArray& body);

private:
    Reply finish(class QNetworkReply* reply);

    QString m_address;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
};

} // namespace builder::testing
