#include "BuilderdProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>

#include <csignal>

namespace builder::testing {

BuilderdProcess::BuilderdProcess() : BuilderdProcess(Options{}) {}

BuilderdProcess::BuilderdProcess(Options options) : m_options(std::move(options))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

BuilderdProcess::~BuilderdProcess()
{
    stop();
}

QString BuilderdProcess::builderdPath()
{
    return qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") + "/backend/daemon/builderd";
}

bool BuilderdProcess::start()
{
    if (m_options.dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path() + "/data";
    } else {
        m_dataDir = m_options.dataDir;
    }
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove("BUILDER_CREDENTIAL_KEY");
    env.remove("BUILDER_RATE_LIMITS");
    // Tests choose their LLM themselves: nothing of the developer's leaks in.
    for (const auto& key : env.keys())
        if (key.startsWith("ANTHROPIC_") || key.startsWith("OPENAI_") ||
            key.startsWith("GEMINI_") || key.startsWith("BUILDER_LLM_"))
            env.remove(key);
    for (const auto& pair : m_options.environment)
        env.insert(pair.section('=', 0, 0), pair.section('=', 1));
    m_process.setProcessEnvironment(env);
    QStringList args = {"serve",       "--data-dir",    m_dataDir,    "--grpc-listen",
                        "127.0.0.1:0", "--http-listen", "127.0.0.1:0"};
    if (!m_options.pipeline)
        args += QStringList{QStringLiteral("--roles"), QStringLiteral("gateway")};
    args += m_options.extraArgs;
    m_process.start(builderdPath(), args);
    if (!m_process.waitForStarted(5000)) {
        m_error = "cannot start " + builderdPath() + ": " + m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_output += m_process.readAllStandardOutput() + m_process.readAllStandardError();
            m_error = "builderd exited during start-up: " + QString::fromUtf8(m_output);
            return false;
        }
        m_process.waitForReadyRead(100);
        m_output += m_process.readAllStandardOutput();
        m_output += m_process.readAllStandardError();
        for (const auto& line : m_output.split('\n')) {
            if (line.startsWith("grpc: "))
                m_grpc = QString::fromUtf8(line.mid(6)).trimmed();
            if (line.startsWith("http: "))
                m_http = QString::fromUtf8(line.mid(6)).trimmed();
        }
        if (!m_grpc.isEmpty() && !m_http.isEmpty())
            return true;
    }
    m_error = "builderd did not report its listeners in time: " + QString::fromUtf8(m_output);
    return false;
}

int BuilderdProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    output();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray BuilderdProcess::output()
{
    m_output += m_process.readAllStandardOutput();
    m_output += m_process.readAllStandardError();
    return m_output;
}

QString BuilderdProcess::adminToken() const
{
    QFile file(m_dataDir + "/admin.token");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString BuilderdProcess::createToken(const QString& user, const QString& role,
                                     const QString& ttl) const
{
    QProcess p;
    p.start(builderdPath(), {"token", "create", "--data-dir", m_dataDir, "--user", user, "--role",
                             role, "--ttl", ttl});
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace builder::testing
