#include "FakeLlmServer.h"

#include "FakeListener.h"
#include "FakeServerState.h"

#include <QThread>

namespace builder::fakes {

FakeLlmServer::FakeLlmServer() : m_state(std::make_shared<FakeServerState>()) {}

FakeLlmServer::~FakeLlmServer()
{
    stop();
}

bool FakeLlmServer::start(const QHostAddress& address, quint16 port, QString* error)
{
    if (m_thread)
        return true;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName("fake-llm");
    m_listener = new FakeListener(m_state);
    m_listener->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_listener, &QObject::deleteLater);
    m_thread->start();

    bool listening = false;
    QString reason;
    QMetaObject::invokeMethod(
        m_listener,
        [&] {
            listening = m_listener->listen(address, port);
            reason = m_listener->errorString();
            m_port = m_listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        if (error)
            *error = "cannot listen on " + address.toString() + ":" + QString::number(port) + ": " +
                     reason;
        stop();
        return false;
    }
    m_address = address;
    return true;
}

void FakeLlmServer::stop()
{
    if (!m_thread)
        return;
    // Deleting the listener (on its thread, after the loop ends) closes every connection and
    // drops the timers of delayed replies.
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_listener = nullptr;
}

std::string FakeLlmServer::baseUrl() const
{
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol
                             ? "[" + m_address.toString() + "]"
                             : m_address.toString();
    return "http://" + host.toStdString() + ":" + std::to_string(m_port);
}

void FakeLlmServer::setApiKey(std::string key)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->apiKey = std::move(key);
}

void FakeLlmServer::setResponder(std::function<FakeReply(const FakeRequest&)> responder)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->responder = std::move(responder);
}

void FakeLlmServer::setObserver(std::function<void(const FakeRequest&)> observer)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->observer = std::move(observer);
}

void FakeLlmServer::enqueue(FakeReply reply)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->queue.push_back(std::move(reply));
}

std::vector<FakeRequest> FakeLlmServer::requests() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->requests;
}

std::size_t FakeLlmServer::requestCount() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->requests.size();
}

bool FakeLlmServer::waitForRequests(std::size_t count, std::chrono::milliseconds timeout) const
{
    std::unique_lock<std::mutex> lock(m_state->mutex);
    return m_state->changed.wait_for(lock, timeout,
                                     [&] { return m_state->requests.size() >= count; });
}

bool FakeLlmServer::waitForDisconnects(std::size_t count, std::chrono::milliseconds timeout) const
{
    std::unique_lock<std::mutex> lock(m_state->mutex);
    return m_state->changed.wait_for(lock, timeout, [&] { return m_state->disconnects >= count; });
}

void FakeLlmServer::clearRequests()
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->requests.clear();
}

} // namespace builder::fakes
