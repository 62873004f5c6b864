#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// A loopback HTTP/1.1 server on its own thread: one request per connection, the
// reply chosen by a responder, every request head recorded. Enough for libgit2's
// smart HTTP client, whose calls block the test thread.
class FakeHttpServer
{
public:
    // Gets the request head (request line + headers), returns the full response.
    using Responder = std::function<std::string(const std::string& requestHead)>;
    // Also gets the request body (Content-Length or chunked, decoded).
    using BodyResponder =
        std::function<std::string(const std::string& requestHead, const std::string& body)>;

    explicit FakeHttpServer(Responder responder);
    explicit FakeHttpServer(BodyResponder responder);
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    // Listens on 127.0.0.1 at a free port; false if that fails.
    bool start();
    void stop();
    std::uint16_t port() const { return m_port; }
    std::vector<std::string> requests() const;

    // "HTTP/1.1 <status>" with the given extra header lines and body.
    static std::string response(const std::string& status, const std::string& headers = {},
                                const std::string& body = {});

private:
    void serve();
    void handle(int client);
    // Reads the body announced by head; pending holds bytes read past the head.
    static bool readBody(int client, const std::string& head, std::string pending,
                         std::string& body);

    Responder m_responder;
    BodyResponder m_bodyResponder;
    int m_listenFd = -1;
    int m_wakeFds[2] = {-1, -1}; // written by stop() to end serve()'s poll
    std::uint16_t m_port = 0;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_requests;
};
