#include "http/TcpListener.h"

#include "http/HttpWire.h"

#include <QTimer>

namespace builder::http {

TcpListener::TcpListener(DescriptorSink sink, QObject* parent)
    : QTcpServer(parent), m_sink(std::move(sink))
{
    connect(this, &QTcpServer::acceptError, this, &TcpListener::onAcceptError);
}

void TcpListener::incomingConnection(qintptr descriptor)
{
    m_sink(descriptor);
}

void TcpListener::onAcceptError(QAbstractSocket::SocketError error)
{
    // QTcpServer pauses accepting after a hard accept() failure (e.g. out of descriptors);
    // try again shortly instead of going deaf for good.
    qCWarning(lcHttp) << "accept failed:" << error << errorString();
    QTimer::singleShot(kAcceptRetryMs, this, [this] {
        if (isListening())
            resumeAccepting();
    });
}

} // namespace builder::http
