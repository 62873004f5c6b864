#include "GitDaemon.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace builder::bench {

namespace {

constexpr auto kStartTimeout = std::chrono::seconds(10);
constexpr auto kPollInterval = std::chrono::milliseconds(20);

// A port that was free a moment ago (git daemon cannot be told to pick one).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(addr);
    int port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0) {
        port = ntohs(addr.sin_port);
    }
    if (fd >= 0) {
        ::close(fd);
    }
    return port;
}

bool accepts(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    if (fd >= 0) {
        ::close(fd);
    }
    return ok;
}

} // namespace

GitDaemon::~GitDaemon()
{
    stop();
}

bool GitDaemon::start(const QString& baseDir)
{
    m_port = freePort();
    if (m_port == 0) {
        return false;
    }
    m_process.start("git",
                    {"daemon", "--export-all", "--reuseaddr", "--listen=127.0.0.1",
                     "--port=" + QString::number(m_port), "--base-path=" + baseDir, baseDir});
    if (!m_process.waitForStarted()) {
        return false;
    }
    // Bounded wait for the listening socket; the daemon prints nothing when ready.
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (accepts(m_port)) {
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            return false;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    return false;
}

void GitDaemon::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QString GitDaemon::url(const QString& name) const
{
    return QString("git://127.0.0.1:%1/%2").arg(m_port).arg(name);
}

} // namespace builder::bench
