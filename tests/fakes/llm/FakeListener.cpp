#include "FakeListener.h"

#include "FakeConnection.h"

#include <QTcpSocket>

namespace builder::fakes {

void FakeListener::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new FakeConnection(socket, m_state, this);
}

} // namespace builder::fakes
