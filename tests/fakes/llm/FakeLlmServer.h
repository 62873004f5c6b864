#pragma once

#include "FakeReply.h"
#include "FakeRequest.h"

#include <QHostAddress>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class QThread;

namespace builder::fakes {

struct FakeServerState;
class FakeListener;

// A fake LLM vendor on loopback speaking the real wire formats of Anthropic (/v1/messages),
// OpenAI (/v1/chat/completions) and Gemini (/v1beta/models/{model}:generateContent), with
// their authentication rules. Runs on its own thread; HTTP/1.1 with keep-alive. Tests script
// it with a FIFO of replies and/or a responder callback (the queue is used first), and read
// back every request received. Needs a QCoreApplication in the process.
class FakeLlmServer
{
public:
    FakeLlmServer();
    ~FakeLlmServer(); // stop()
    FakeLlmServer(const FakeLlmServer&) = delete;
    FakeLlmServer& operator=(const FakeLlmServer&) = delete;

    // Listens (port 0 = a free one). False, with the reason in `error`, when it cannot.
    bool start(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0,
               QString* error = nullptr);
    // Closes every connection at once (delayed replies are dropped) and joins the thread.
    void stop();

    quint16 port() const { return m_port; }
    std::string baseUrl() const; // "http://127.0.0.1:PORT"

    // The key every provider must present; "" accepts requests without any. Default "test-key".
    void setApiKey(std::string key);
    // Called on the server thread for requests the queue does not answer.
    void setResponder(std::function<FakeReply(const FakeRequest&)> responder);
    // Called on the server thread for every request, before it is answered.
    void setObserver(std::function<void(const FakeRequest&)> observer);
    void enqueue(FakeReply reply);

    std::vector<FakeRequest> requests() const;
    std::size_t requestCount() const;
    // Blocks until at least `count` requests arrived or `timeout` passed; true when they did.
    bool waitForRequests(std::size_t count, std::chrono::milliseconds timeout) const;
    void clearRequests();
    // Blocks until at least `count` client connections closed (since start) or `timeout` passed:
    // a client that closed its connection is done with that request.
    bool waitForDisconnects(std::size_t count, std::chrono::milliseconds timeout) const;

private:
    std::shared_ptr<FakeServerState> m_state;
    std::unique_ptr<QThread> m_thread;
    FakeListener* m_listener = nullptr; // lives on m_thread
    quint16 m_port = 0;
    QHostAddress m_address;
};

} // namespace builder::fakes
