#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace builder::http {

class HttpConnection;

// State shared between an HttpResponder (any thread) and its HttpConnection (I/O thread). It
// outlives both, so neither side ever touches a destroyed peer: the connection detaches itself
// under the mutex before it can go away.
class ResponderLink : public std::enable_shared_from_this<ResponderLink>
{
public:
    using Operation = std::function<void(HttpConnection*)>;

    ResponderLink(HttpConnection* connection, quint64 requestId);

    quint64 requestId() const { return m_requestId; }

    // Runs op on the connection's thread after every earlier operation; directly when already on
    // that thread and nothing is queued. A no-op once detached. bytes counts toward pendingBytes().
    void post(Operation op, qint64 bytes);

    bool isDetached() const;
    void setOnClosed(std::function<void()> callback);
    void setOnDrained(std::function<void()> callback);
    // Zero once detached: operations still queued then are discarded, never written.
    qint64 pendingBytes() const
    {
        return m_detached.load() ? 0 : m_queuedBytes.load() + m_socketBytes.load();
    }

    // I/O thread only.
    void detach(bool closed); // closed => fire onClosed
    void setSocketPending(qint64 bytes) { m_socketBytes.store(bytes); }
    void notifyDrained();

private:
    std::mutex m_mutex;
    HttpConnection* m_connection; // null once detached
    const quint64 m_requestId;
    bool m_closed = false;     // detached because the connection closed
    bool m_closeFired = false; // onClosed already ran
    std::function<void()> m_onClosed;
    std::function<void()> m_onDrained;
    std::atomic<bool> m_detached{false}; // m_connection == nullptr, readable without the lock
    std::atomic<int> m_queuedOps{0};
    std::atomic<qint64> m_queuedBytes{0};
    std::atomic<qint64> m_socketBytes{0};
};

} // namespace builder::http
