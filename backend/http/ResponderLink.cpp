#include "http/ResponderLink.h"

#include "http/HttpConnection.h"

#include <QMetaObject>
#include <QThread>

namespace builder::http {

ResponderLink::ResponderLink(HttpConnection* connection, quint64 requestId)
    : m_connection(connection), m_requestId(requestId)
{}

void ResponderLink::post(Operation op, qint64 bytes)
{
    std::unique_lock lock(m_mutex);
    HttpConnection* connection = m_connection;
    if (!connection)
        return;
    // The connection cannot be deleted while we are on its own thread, so the lock can go.
    if (m_queuedOps.load() == 0 && QThread::currentThread() == connection->thread()) {
        lock.unlock();
        op(connection);
        return;
    }
    ++m_queuedOps;
    m_queuedBytes += bytes;
    // Posting under the lock: the connection is alive now, and Qt discards events posted to an
    // object that is deleted before they are delivered.
    QMetaObject::invokeMethod(
        connection,
        [self = shared_from_this(), connection, op = std::move(op), bytes]() {
            // Count down only after op handed the bytes to the socket: pendingBytes() may
            // overstate for a moment but never understates.
            op(connection);
            self->m_queuedBytes -= bytes;
            --self->m_queuedOps;
        },
        Qt::QueuedConnection);
}

bool ResponderLink::isDetached() const
{
    return m_detached.load();
}

void ResponderLink::setOnClosed(std::function<void()> callback)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_connection) {
            m_onClosed = std::move(callback);
            return;
        }
        // Already over: fire now if it ended by closing and nothing fired yet.
        if (!m_closed || m_closeFired)
            return;
        m_closeFired = true;
    }
    if (callback)
        callback();
}

void ResponderLink::setOnDrained(std::function<void()> callback)
{
    std::lock_guard lock(m_mutex);
    if (m_connection)
        m_onDrained = std::move(callback);
}

void ResponderLink::detach(bool closed)
{
    std::function<void()> onClosed;
    {
        std::lock_guard lock(m_mutex);
        if (!m_connection)
            return;
        m_connection = nullptr;
        m_detached = true;
        m_closed = closed;
        if (closed && m_onClosed) {
            onClosed = std::move(m_onClosed);
            m_closeFired = true;
        }
        m_onClosed = nullptr;
        m_onDrained = nullptr;
    }
    if (onClosed)
        onClosed();
}

void ResponderLink::notifyDrained()
{
    std::function<void()> onDrained;
    {
        std::lock_guard lock(m_mutex);
        if (!m_connection)
            return;
        onDrained = m_onDrained;
    }
    if (onDrained)
        onDrained();
}

} // namespace builder::http
