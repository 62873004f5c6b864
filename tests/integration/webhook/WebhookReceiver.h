#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTcpServer>

#include <deque>
#include <vector>

class QTcpSocket;

namespace builder::itest {

// A loopback HTTP endpoint that receives builderd's outgoing webhooks: records
// every request and answers with scripted statuses (200 once the script is
// used up). Lives on the test's thread; QTRY_* waits let it run.
class WebhookReceiver : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        int answered = 0; // the status it got
    };

    WebhookReceiver();
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Answers the next requests with these statuses, in order.
    void script(std::initializer_list<int> statuses);
    const std::vector<Request>& requests() const { return m_requests; }

private:
    void onConnection();
    void onReadable(QTcpSocket* socket);

    QTcpServer m_server;
    std::deque<int> m_script;
    std::vector<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace builder::itest
