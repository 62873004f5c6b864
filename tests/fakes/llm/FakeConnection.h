#pragma once

#include "FakeServerState.h"
#include "FakeWire.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QTcpSocket;
class QTimer;

namespace builder::fakes {

// One client connection of the fake server: reads HTTP/1.1 requests (Content-Length bodies),
// answers them one at a time, keeps the connection alive unless told otherwise. Lives on the
// server thread and deletes itself when the socket closes.
class FakeConnection : public QObject
{
    Q_OBJECT
public:
    FakeConnection(QTcpSocket* socket, std::shared_ptr<FakeServerState> state, QObject* parent);

private:
    void onReadable();
    bool parseOne(); // true when a request was taken out of the buffer
    void send(const FakeResponse& response, bool close);
    void fail(int status, const QByteArray& message);

    static constexpr qsizetype kMaxHead = 64 * 1024;
    static constexpr qsizetype kMaxBody = 64 * 1024 * 1024;

    QTcpSocket* m_socket;
    std::shared_ptr<FakeServerState> m_state;
    QByteArray m_buffer;
    bool m_busy = false; // a response is being delayed
    QPointer<QTimer> m_delay;
};

} // namespace builder::fakes
