#include "GitDiffRepo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace builder::testing {

GitDiffRepo::GitDiffRepo()
{
    m_ok = m_dir.isValid() && !git({"init", "-q", "-b", "main"}).isNull() &&
           !git({"config", "core.autocrlf", "false"}).isNull();
}

QByteArray GitDiffRepo::git(const QStringList& args) const
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("GIT_CONFIG_NOSYSTEM", "1");
    env.insert("HOME", m_dir.path());
    env.insert("GIT_AUTHOR_NAME", "Builder Test");
    env.insert("GIT_AUTHOR_EMAIL", "test@builder.invalid");
    env.insert("GIT_COMMITTER_NAME", "Builder Test");
    env.insert("GIT_COMMITTER_EMAIL", "test@builder.invalid");
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    process.start("git", args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return {};
    QByteArray out = process.readAllStandardOutput();
    if (out.isNull())
        out = QByteArray("");
    return out;
}

bool GitDiffRepo::write(const QString& relative, const QByteArray& bytes) const
{
    const QString full = m_dir.path() + "/" + relative;
    QDir().mkpath(QFileInfo(full).path());
    QFile file(full);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

bool GitDiffRepo::remove(const QString& relative) const
{
    return QFile::remove(m_dir.path() + "/" + relative);
}

bool GitDiffRepo::commitAll(const QString& message) const
{
    return !git({"add", "-A"}).isNull() && !git({"commit", "-q", "-m", message}).isNull();
}

} // namespace builder::testing
