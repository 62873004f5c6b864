#include "FakeHttpServer.h"

#include <algorithm>
#include <cctype>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int kIoTimeoutMs = 10000;
constexpr std::size_t kMaxHead = 64 * 1024;
constexpr std::size_t kMaxBody = 256 * 1024 * 1024;

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The value of header name in head ("" when absent); name in lower case.
std::string headerValue(const std::string& head, const std::string& name)
{
    const std::string folded = lower(head);
    const auto at = folded.find("\r\n" + name + ":");
    if (at == std::string::npos) {
        return {};
    }
    const auto start = head.find_first_not_of(' ', at + 2 + name.size() + 1);
    const auto end = head.find("\r\n", start);
    return head.substr(start, end - start);
}

// Appends what the client sends next to buffer; false on timeout or close.
bool receiveMore(int client, std::string& buffer)
{
    char chunk[65536];
    pollfd fd{client, POLLIN, 0};
    if (::poll(&fd, 1, kIoTimeoutMs) <= 0) {
        return false;
    }
    const ssize_t n = ::recv(client, chunk, sizeof(chunk), 0);
    if (n <= 0) {
        return false;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    return buffer.size() <= kMaxBody;
}

} // namespace

FakeHttpServer::FakeHttpServer(Responder responder) : m_responder(std::move(responder)) {}

FakeHttpServer::FakeHttpServer(BodyResponder responder) : m_bodyResponder(std::move(responder)) {}

bool FakeHttpServer::readBody(int client, const std::string& head, std::string pending,
                              std::string& body)
{
    if (lower(headerValue(head, "transfer-encoding")).find("chunked") != std::string::npos) {
        std::size_t pos = 0;
        for (;;) {
            std::size_t lineEnd;
            while ((lineEnd = pending.find("\r\n", pos)) == std::string::npos) {
                if (!receiveMore(client, pending)) {
                    return false;
                }
            }
            const std::size_t size = std::stoul(pending.substr(pos, lineEnd - pos), nullptr, 16);
            const std::size_t dataStart = lineEnd + 2;
            while (pending.size() < dataStart + size + 2) {
                if (!receiveMore(client, pending)) {
                    return false;
                }
            }
            if (size == 0) {
                return true;
            }
            body.append(pending, dataStart, size);
            pos = dataStart + size + 2;
        }
    }
    const std::string length = headerValue(head, "content-length");
    const std::size_t expected = length.empty() ? 0 : std::stoul(length);
    while (pending.size() < expected) {
        if (!receiveMore(client, pending)) {
            return false;
        }
    }
    body = pending.substr(0, expected);
    return true;
}

FakeHttpServer::~FakeHttpServer()
{
    stop();
}

bool FakeHttpServer::start()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0 || ::pipe2(m_wakeFds, O_CLOEXEC) != 0) {
        return false;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof(addr);
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
        ::listen(m_listenFd, 16) != 0 ||
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        return false;
    }
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { serve(); });
    return true;
}

void FakeHttpServer::stop()
{
    if (m_thread.joinable()) {
        const char byte = 0;
        [[maybe_unused]] const auto written = ::write(m_wakeFds[1], &byte, 1);
        m_thread.join();
    }
    for (int* fd : {&m_listenFd, &m_wakeFds[0], &m_wakeFds[1]}) {
        if (*fd >= 0) {
            ::close(*fd);
            *fd = -1;
        }
    }
}

std::vector<std::string> FakeHttpServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

std::string FakeHttpServer::response(const std::string& status, const std::string& headers,
                                     const std::string& body)
{
    return "HTTP/1.1 " + status + "\r\n" + headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
}

void FakeHttpServer::serve()
{
    for (;;) {
        pollfd fds[2] = {{m_listenFd, POLLIN, 0}, {m_wakeFds[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 || (fds[1].revents & POLLIN) != 0) {
            return;
        }
        const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client >= 0) {
            handle(client);
            ::close(client);
        }
    }
}

void FakeHttpServer::handle(int client)
{
    std::string head;
    char buffer[4096];
    std::size_t headEnd = std::string::npos;
    while ((headEnd = head.find("\r\n\r\n")) == std::string::npos && head.size() < kMaxHead) {
        pollfd fd{client, POLLIN, 0};
        if (::poll(&fd, 1, kIoTimeoutMs) <= 0) {
            return;
        }
        const ssize_t n = ::recv(client, buffer, sizeof(buffer), 0);
        if (n <= 0) {
            return;
        }
        head.append(buffer, static_cast<std::size_t>(n));
    }
    std::string body;
    if (m_bodyResponder) {
        if (headEnd == std::string::npos) {
            return;
        }
        std::string pending = head.substr(headEnd + 4);
        head.resize(headEnd + 4);
        if (!readBody(client, head, std::move(pending), body)) {
            return;
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(head);
    }
    const std::string reply = m_bodyResponder ? m_bodyResponder(head, body) : m_responder(head);
    std::size_t sent = 0;
    while (sent < reply.size()) {
        const ssize_t n = ::send(client, reply.data() + sent, reply.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            return;
        }
        sent += static_cast<std::size_t>(n);
    }
}
