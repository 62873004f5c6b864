#pragma once

#include "ConnectionSettings.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace builder::client {

// Finds the local builderd through <data dir>/endpoint.json and reads its admin
// token, or starts one (detached, logging to <data dir>/builderd.log) when none
// answers. The user does nothing; every disk and network check runs on a worker.
class LocalBackend : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;      // empty: builderd's default data directory
        QString builderdPath; // empty: BuilderdLocator::find()
        bool startIfMissing = true;
        int startTimeoutMs = 20000;
        QStringList extraArgs; // appended to "builderd serve"
    };

    explicit LocalBackend(Options options, QObject* parent = nullptr);
    ~LocalBackend() override;

    void resolve();
    bool startedServer() const { return m_pid > 0; }
    qint64 serverPid() const { return m_pid; }
    // When false (the default) the builderd this object started gets SIGTERM on destruction.
    void setKeepServerRunning(bool keep) { m_keepRunning = keep; }
    const QString& dataDir() const { return m_dataDir; }

signals:
    void progress(const QString& message);
    void ready(const builder::client::ConnectionSettings& settings);
    void failed(const QString& message);

private:
    struct Discovery
    {
        QString grpc;
        QString http;
        QString token;
        QString builderd;
        QString logTail;
        bool reachable = false;
    };
    void discover(bool afterStart);
    void onDiscovered(const Discovery& found, bool afterStart);
    void startServer(bool anyPort);
    bool serverAlive() const;

    Options m_options;
    QString m_dataDir;
    qint64 m_pid = 0;
    bool m_keepRunning = false;
    bool m_triedAnyPort = false;
    bool m_done = false;
    QTimer m_deadline;
};

} // namespace builder::client
