#include "LocalBackend.h"

#include "BuilderdLocator.h"
#include "Delivery.h"
#include "common/LocalEndpoint.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QThreadPool>

#include <csignal>
#include <sys/wait.h>

namespace builder::client {

namespace {

constexpr int kProbeMs = 1500;
constexpr int kPollMs = 100;
constexpr const char* kLogFile = "builderd.log";

bool answers(const std::string& address)
{
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    return channel->WaitForConnected(std::chrono::system_clock::now() +
                                     std::chrono::milliseconds(kProbeMs));
}

QString tail(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    file.seek(std::max<qint64>(0, size - 2000));
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

LocalBackend::LocalBackend(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    m_dataDir = m_options.dataDir.isEmpty()
                    ? QString::fromStdString(common::LocalEndpoint::defaultDataDir())
                    : m_options.dataDir;
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        m_done = true;
        emit failed(tr("builderd did not start within %1 s; see %2")
                        .arg(m_options.startTimeoutMs / 1000)
                        .arg(QDir(m_dataDir).filePath(kLogFile)));
    });
}

LocalBackend::~LocalBackend()
{
    // SIGTERM only: builderd drains and removes its endpoint file by itself.
    if (m_pid > 0 && !m_keepRunning)
        ::kill(static_cast<pid_t>(m_pid), SIGTERM);
}

void LocalBackend::resolve()
{
    m_done = false;
    emit progress(tr("Looking for a local builderd in %1").arg(m_dataDir));
    discover(false);
}

void LocalBackend::discover(bool afterStart)
{
    QPointer<QObject> self(this);
    const QString dataDir = m_dataDir;
    const QString builderdPath = m_options.builderdPath;
    QThreadPool::globalInstance()->start([self, dataDir, builderdPath, afterStart] {
        Discovery found;
        const std::string dir = dataDir.toStdString();
        const auto addresses =
            common::LocalEndpoint::readEndpointFile(common::LocalEndpoint::endpointPath(dir));
        found.grpc = QString::fromStdString(addresses.grpc);
        found.http = QString::fromStdString(addresses.http);
        found.token = QString::fromStdString(
            common::LocalEndpoint::readTokenFile(common::LocalEndpoint::adminTokenPath(dir)));
        found.reachable = !addresses.grpc.empty() && answers(addresses.grpc);
        if (!found.reachable) {
            // For builderd.log; builderd itself restricts the directory to 0700.
            QDir().mkpath(dataDir);
            found.builderd = builderdPath.isEmpty() ? BuilderdLocator::find() : builderdPath;
            found.logTail = tail(QDir(dataDir).filePath(kLogFile));
        }
        deliver(self, [self, found, afterStart] {
            static_cast<LocalBackend*>(self.data())->onDiscovered(found, afterStart);
        });
    });
}

void LocalBackend::onDiscovered(const Discovery& found, bool afterStart)
{
    if (m_done)
        return;
    if (found.reachable) {
        if (found.token.isEmpty()) {
            if (afterStart) { // builderd writes the token before listening; one more look
                QTimer::singleShot(kPollMs, this, [this] { discover(true); });
                return;
            }
            m_done = true;
            emit failed(tr("builderd at %1 is running, but its admin token %2 cannot be read")
                            .arg(found.grpc,
                                 QDir(m_dataDir).filePath(common::LocalEndpoint::kAdminTokenFile)));
            return;
        }
        m_done = true;
        m_deadline.stop();
        ConnectionSettings settings;
        settings.mode = ConnectionSettings::Mode::Local;
        settings.grpcAddress = found.grpc;
        settings.httpAddress = found.http;
        settings.token = found.token;
        settings.dataDir = m_dataDir;
        emit ready(settings);
        return;
    }
    if (afterStart) {
        if (serverAlive()) {
            QTimer::singleShot(kPollMs, this, [this] { discover(true); });
            return;
        }
        m_pid = 0;
        if (!m_triedAnyPort && found.logTail.contains("cannot listen")) {
            // The default ports are taken by something else: any free port will do,
            // clients find it through endpoint.json.
            startServer(true);
            return;
        }
        m_done = true;
        m_deadline.stop();
        emit failed(tr("builderd exited during start-up:\n%1").arg(found.logTail));
        return;
    }
    if (!m_options.startIfMissing) {
        m_done = true;
        emit failed(tr("No local builderd answers (data directory %1)").arg(m_dataDir));
        return;
    }
    if (found.builderd.isEmpty()) {
        m_done = true;
        emit failed(tr("No local builderd answers and the builderd program was found neither "
                       "next to the Studio nor on PATH"));
        return;
    }
    m_options.builderdPath = found.builderd;
    startServer(false);
}

void LocalBackend::startServer(bool anyPort)
{
    m_triedAnyPort = m_triedAnyPort || anyPort;
    emit progress(tr("Starting builderd (%1)").arg(m_options.builderdPath));
    QStringList args = {"serve", "--data-dir", m_dataDir};
    if (anyPort)
        args += {"--grpc-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0"};
    args += m_options.extraArgs;
    QProcess process;
    process.setProgram(m_options.builderdPath);
    process.setArguments(args);
    const QString log = QDir(m_dataDir).filePath(kLogFile);
    process.setStandardOutputFile(log, QIODevice::Truncate);
    process.setStandardErrorFile(log, QIODevice::Append);
    process.setStandardInputFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        m_done = true;
        emit failed(tr("Cannot start %1: %2").arg(m_options.builderdPath, process.errorString()));
        return;
    }
    m_pid = pid;
    if (!m_deadline.isActive())
        m_deadline.start(m_options.startTimeoutMs);
    QTimer::singleShot(kPollMs, this, [this] { discover(true); });
}

bool LocalBackend::serverAlive() const
{
    if (m_pid <= 0)
        return false;
    // A detached child that exited stays a zombie until reaped; reap it here.
    int status = 0;
    const pid_t reaped = ::waitpid(static_cast<pid_t>(m_pid), &status, WNOHANG);
    if (reaped == static_cast<pid_t>(m_pid))
        return false;
    return ::kill(static_cast<pid_t>(m_pid), 0) == 0;
}

} // namespace builder::client
