// Escape tests, network: with no network allowed the sandbox reaches nothing
// outside (no route), nothing of the host's loopback (its own empty loopback),
// no DNS, no host abstract unix socket and no vsock to the hypervisor; each
// host-side listener checks afterwards that nothing arrived.
#include "SandboxHarness.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using builder::tests::SandboxHarness;

namespace {

// A socket of the test on the host; pending() tells whether anything reached it.
class HostListener
{
public:
    static HostListener tcp()
    {
        HostListener l(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(l.m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        listen(l.m_fd, 16);
        socklen_t size = sizeof addr;
        getsockname(l.m_fd, reinterpret_cast<sockaddr*>(&addr), &size);
        l.m_port = ntohs(addr.sin_port);
        return l;
    }
    static HostListener udp()
    {
        HostListener l(socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0));
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(l.m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t size = sizeof addr;
        getsockname(l.m_fd, reinterpret_cast<sockaddr*>(&addr), &size);
        l.m_port = ntohs(addr.sin_port);
        return l;
    }
    static HostListener abstractUnix(const std::string& name)
    {
        HostListener l(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path + 1, name.data(), name.size());
        bind(l.m_fd, reinterpret_cast<sockaddr*>(&addr),
             static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size()));
        listen(l.m_fd, 16);
        return l;
    }
    HostListener(HostListener&& other) noexcept : m_fd(other.m_fd), m_port(other.m_port)
    {
        other.m_fd = -1;
    }
    ~HostListener()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    int port() const { return m_port; }
    bool valid() const { return m_fd >= 0; }
    // True when a connection or a datagram is waiting.
    bool pending()
    {
        char buffer[512];
        const int accepted = accept(m_fd, nullptr, nullptr);
        if (accepted >= 0) {
            close(accepted);
            return true;
        }
        return recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT) >= 0;
    }

private:
    explicit HostListener(int fd) : m_fd(fd) {}
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

class TestSandboxNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void outsideAddressIsUnreachable();
    void hostLoopbackPortIsNotReachable();
    void dnsLookupFails();
    void hostAbstractUnixSocketIsNotReachable();
    void vsockToTheHypervisorIsDenied();
    void onlyLoopbackExists();
    void allowedNetworkIsSaidLoudly();

private:
    std::unique_ptr<SandboxHarness> m_harness;
};

void TestSandboxNetwork::initTestCase()
{
    m_harness = std::make_unique<SandboxHarness>();
    QVERIFY2(m_harness->ready(), m_harness->setupError().c_str());
}

void TestSandboxNetwork::outsideAddressIsUnreachable()
{
    // 192.0.2.1 is TEST-NET-1, 1.1.1.1 a public resolver: no route inside.
    auto run = m_harness->probe({"connect", "192.0.2.1", "80"});
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(SandboxHarness::value(run.output, "connect", "192.0.2.1:80"),
             std::string("ENETUNREACH"));
    run = m_harness->probe({"connect", "1.1.1.1", "53"});
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(SandboxHarness::value(run.output, "connect", "1.1.1.1:53"),
             std::string("ENETUNREACH"));
}

void TestSandboxNetwork::hostLoopbackPortIsNotReachable()
{
    auto server = HostListener::tcp();
    QVERIFY(server.valid());
    const std::string port = std::to_string(server.port());
    // The control: from the host the port answers.
    const std::string control = SandboxHarness::control({"connect", "127.0.0.1", port});
    QCOMPARE(SandboxHarness::value(control, "connect", "127.0.0.1:" + port),
             std::string("connected"));
    QVERIFY(server.pending());

    auto run = m_harness->probe({"connect", "127.0.0.1", port});
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(SandboxHarness::value(run.output, "connect", "127.0.0.1:" + port),
             std::string("ECONNREFUSED"));
    QVERIFY2(!server.pending(), "the host's listener received a connection from the sandbox");
}

void TestSandboxNetwork::dnsLookupFails()
{
    auto dnsServer = HostListener::udp();
    QVERIFY(dnsServer.valid());
    const std::string port = std::to_string(dnsServer.port());
    auto run = m_harness->probe({"dns", "example.com", "127.0.0.1", port});
    QVERIFY2(run.ok, run.error.c_str());
    const std::string resolved = SandboxHarness::value(run.output, "resolve", "example.com");
    QVERIFY2(!resolved.empty() && resolved != "resolved", run.output.c_str());
    // The query "sent" inside went to the sandbox's own loopback, not the host's.
    QVERIFY2(!dnsServer.pending(), "the host's DNS listener received the sandbox's query");
    const std::string control = SandboxHarness::control({"dns", "example.com", "127.0.0.1", port});
    QCOMPARE(SandboxHarness::value(control, "dnsquery", "127.0.0.1:" + port), std::string("sent"));
    QVERIFY(dnsServer.pending()); // the control's query does arrive
}

void TestSandboxNetwork::hostAbstractUnixSocketIsNotReachable()
{
    const std::string name = "builder-canary-" + std::to_string(getpid());
    auto server = HostListener::abstractUnix(name);
    QVERIFY(server.valid());
    QCOMPARE(SandboxHarness::value(SandboxHarness::control({"abstract", name}), "abstract", name),
             std::string("connected"));
    QVERIFY(server.pending());
    auto run = m_harness->probe({"abstract", name});
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(SandboxHarness::value(run.output, "abstract", name), std::string("ECONNREFUSED"));
    QVERIFY2(!server.pending(), "the host's abstract socket received a connection");
}

void TestSandboxNetwork::vsockToTheHypervisorIsDenied()
{
    auto run = m_harness->probe({"syscalls"});
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(SandboxHarness::value(run.output, "syscall", "socket_vsock"), std::string("EPERM"));
}

void TestSandboxNetwork::onlyLoopbackExists()
{
    auto run = m_harness->shell("tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '");
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(run.output, std::string("lo\n"));
}

void TestSandboxNetwork::allowedNetworkIsSaidLoudly()
{
    // The admin-only setting shares the host's network: the description and
    // the run's own notes say so.
    auto server = HostListener::tcp();
    const std::string port = std::to_string(server.port());
    auto run = m_harness->probe({"connect", "127.0.0.1", port}, std::chrono::seconds(20), {}, true);
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(SandboxHarness::value(run.output, "connect", "127.0.0.1:" + port),
             std::string("connected"));
    QVERIFY(run.system.find("network access is ENABLED") != std::string::npos);
    QVERIFY(m_harness->sandbox().describe(true).find("NETWORK ALLOWED") != std::string::npos);
    QVERIFY(m_harness->sandbox().describe(false).find("no network") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestSandboxNetwork)
#include "test_sandbox_network.moc"
