#include "GitCli.h"

#include <QDebug>
#include <QProcess>
#include <QProcessEnvironment>

namespace {

constexpr int kGitTimeoutMs = 30000;

} // namespace

GitCli::GitCli(QString homeDir) : m_homeDir(std::move(homeDir)) {}

bool GitCli::run(const QStringList& args, QString* output, const QByteArray& input) const
{
    return exec(args, output, input, true);
}

bool GitCli::probe(const QStringList& args, QString* output) const
{
    return exec(args, output, {}, false);
}

bool GitCli::exec(const QStringList& args, QString* output, const QByteArray& input,
                  bool warn) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_homeDir);
    env.insert("GIT_CONFIG_NOSYSTEM", "1");
    env.insert("GIT_AUTHOR_NAME", "Builder Test");
    env.insert("GIT_AUTHOR_EMAIL", "test@builder.invalid");
    env.insert("GIT_COMMITTER_NAME", "Builder Test");
    env.insert("GIT_COMMITTER_EMAIL", "test@builder.invalid");

    QProcess git;
    git.setProcessEnvironment(env);
    git.start("git", args);
    if (!git.waitForStarted(kGitTimeoutMs)) {
        qWarning() << "cannot start git:" << git.errorString();
        return false;
    }
    git.write(input);
    git.closeWriteChannel();
    if (!git.waitForFinished(kGitTimeoutMs) || git.exitStatus() != QProcess::NormalExit ||
        git.exitCode() != 0) {
        if (warn) {
            qWarning() << "git" << args << "failed:" << git.readAllStandardError();
        }
        return false;
    }
    if (output != nullptr) {
        *output = QString::fromUtf8(git.readAllStandardOutput()).trimmed();
    }
    return true;
}

bool GitCli::initBare(const QString& path, const QString& headBranch) const
{
    return run({"init", "--quiet", "--bare", "--initial-branch=" + headBranch, path});
}

bool GitCli::commitOnBranch(const QString& repo, const QString& branch, QString* oid) const
{
    const QString gitDir = "--git-dir=" + repo;
    QString tree;
    if (!run({gitDir, "mktree"}, &tree)) {
        return false;
    }
    // The message names the branch so every branch gets its own commit.
    if (!run({gitDir, "commit-tree", tree, "-m", "commit on " + branch}, oid)) {
        return false;
    }
    return run({gitDir, "update-ref", "refs/heads/" + branch, *oid});
}
