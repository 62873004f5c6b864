#pragma once

#include <QTcpServer>

#include <functional>

namespace builder::http {

// A QTcpServer that hands raw accepted descriptors to a sink instead of creating sockets, so
// each connection's socket can be created on the I/O thread that will serve it.
class TcpListener : public QTcpServer
{
    Q_OBJECT
public:
    using DescriptorSink = std::function<void(qintptr)>;

    explicit TcpListener(DescriptorSink sink, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onAcceptError(QAbstractSocket::SocketError error);

    static constexpr int kAcceptRetryMs = 100;

    DescriptorSink m_sink;
};

} // namespace builder::http
