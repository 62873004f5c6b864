#pragma once

#include "FakeServerState.h"

#include <QTcpServer>

#include <memory>

namespace builder::fakes {

// The fake server's listening socket; turns each accepted connection into a FakeConnection.
// Lives on the server thread.
class FakeListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit FakeListener(std::shared_ptr<FakeServerState> state) : m_state(std::move(state)) {}

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::shared_ptr<FakeServerState> m_state;
};

} // namespace builder::fakes
