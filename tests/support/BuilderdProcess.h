#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace builder::testing {

// A real builderd started on free loopback ports with its own data directory,
// stopped with SIGTERM when the object goes away.
class BuilderdProcess
{
public:
    struct Options
    {
        QStringList extraArgs;   // e.g. {"--rate-limits", "off"}
        QStringList environment; // extra KEY=VALUE pairs
        QString dataDir;         // empty: a fresh temporary directory
        int startTimeoutMs = 20000;
        // Run the pipeline's workers too. Off, builderd serves the API only
        // (--roles gateway) and executions stay PENDING until cancelled.
        bool pipeline = false;
    };

    BuilderdProcess();
    explicit BuilderdProcess(Options options);
    ~BuilderdProcess();

    // Starts and waits for the "grpc:" and "http:" lines. False on failure,
    // with the reason in errorString().
    bool start();
    // SIGTERM, then waits; returns the exit code (-1 if it had to be killed).
    int stop(int timeoutMs = 10000);

    QString grpcAddress() const { return m_grpc; }
    QString httpAddress() const { return m_http; }
    QString dataDir() const { return m_dataDir; }
    QString adminToken() const;
    // Issues a token with `builderd token create`.
    QString createToken(const QString& user, const QString& role,
                        const QString& ttl = QStringLiteral("1h")) const;
    // Everything builderd printed so far (stdout and stderr).
    QByteArray output();
    QString errorString() const { return m_error; }
    qint64 pid() const { return m_process.processId(); }

    static QString builderdPath();

private:
    Options m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QProcess m_process;
    QByteArray m_output;
    QString m_grpc;
    QString m_http;
    QString m_error;
};

} // namespace builder::testing
