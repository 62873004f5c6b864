#pragma once

#include <QProcess>
#include <QString>

namespace builder::bench {

// `git daemon` serving a directory on 127.0.0.1 over the git:// protocol: a
// network transport for clone and fetch figures, since libgit2's local (path)
// transport builds packs differently from a server.
class GitDaemon
{
public:
    GitDaemon() = default;
    ~GitDaemon();
    GitDaemon(const GitDaemon&) = delete;
    GitDaemon& operator=(const GitDaemon&) = delete;

    // Starts serving baseDir on a free port; false when it does not come up
    // within a few seconds.
    bool start(const QString& baseDir);
    void stop();
    // "git://127.0.0.1:<port>/<name>"
    QString url(const QString& name) const;

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace builder::bench
