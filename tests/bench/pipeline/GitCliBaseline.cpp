#include "GitCliBaseline.h"

#include "BenchModel.h"
#include "support/GitFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <unistd.h>

namespace builder::bench {

using testing::GitFixture;

namespace {

double nowMs(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The edit the pipeline's step makes: one line after the target's first line.
bool edit(const QString& file, const QString& firstLine, const QString& line)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = f.readAll();
    f.close();
    const QByteArray head = (firstLine + "\n").toUtf8();
    if (!text.startsWith(head))
        return false;
    text.insert(head.size(), line.toUtf8() + "\n");
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text) == text.size();
}

} // namespace

GitCliBaseline::GitCliBaseline(QString remote, QString dir,
                               std::vector<SyntheticRepo::Target> targets)
    : m_remote(std::move(remote)), m_dir(std::move(dir)), m_targets(std::move(targets))
{}

bool GitCliBaseline::prepare(QString* error)
{
    QDir().mkpath(m_dir);
    m_pushRemote = m_dir + "/push-remote.git";
    m_warmClone = m_dir + "/warm.git";
    QString out;
    if (!GitFixture::git({"clone", "-q", "--bare", "--no-local", m_remote, m_pushRemote}, m_dir,
                         &out) ||
        !GitFixture::git({"clone", "-q", "--bare", m_remote, m_warmClone}, m_dir, &out)) {
        if (error)
            *error = "git clone for the baseline: " + out;
        return false;
    }
    return true;
}

bool GitCliBaseline::runCold(int run, QString* error)
{
    ::sync(); // as before each pipeline run
    const QString gitDir = m_dir + QString("/cold-%1.git").arg(run);
    QElapsedTimer timer;
    timer.start();
    QString out;
    if (!GitFixture::git({"clone", "-q", "--bare", m_remote, gitDir}, m_dir, &out)) {
        if (error)
            *error = "git clone --bare: " + out;
        return false;
    }
    m_commands["clone --bare"].add(nowMs(timer));
    if (!deliver(gitDir, run, error))
        return false;
    m_cold.add(nowMs(timer));
    return true;
}

bool GitCliBaseline::runWarm(int run, QString* error)
{
    ::sync();
    QElapsedTimer timer;
    timer.start();
    QString out;
    if (!GitFixture::git({"--git-dir", m_warmClone, "fetch", "-q", "--prune", m_remote,
                          "+refs/heads/*:refs/remotes/mirror/*"},
                         m_dir, &out)) {
        if (error)
            *error = "git fetch: " + out;
        return false;
    }
    m_commands["fetch --prune"].add(nowMs(timer));
    if (!deliver(m_warmClone, 1000 + run, error))
        return false;
    m_warm.add(nowMs(timer));
    return true;
}

bool GitCliBaseline::deliver(const QString& gitDir, int run, QString* error)
{
    const QString branch = QString("feature/cli-%1").arg(run);
    const QString worktree = m_dir + QString("/wt-%1").arg(run);
    QString out;
    auto git = [&](const QStringList& args, const QString& where, const char* what) {
        QElapsedTimer timer;
        timer.start();
        if (!GitFixture::git(args, where, &out)) {
            if (error)
                *error = QString("git %1: %2").arg(what, out);
            return false;
        }
        m_commands[what].add(nowMs(timer));
        if (std::string(what) == "worktree add")
            m_lastWorktreeMs = nowMs(timer);
        return true;
    };
    if (!git({"--git-dir", gitDir, "worktree", "add", "-q", "-b", branch, worktree, "main"}, m_dir,
             "worktree add"))
        return false;
    for (std::size_t i = 0; i < m_targets.size(); ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!edit(worktree + "/" + m_targets[i].path, m_targets[i].firstLine,
                  "// " + BenchModel::addedLine(static_cast<int>(i)))) {
            if (error)
                *error = "cannot edit " + m_targets[i].path;
            return false;
        }
        if (!git({"commit", "-q", "-a", "-m", "Forward the span id in " + m_targets[i].path},
                 worktree, "commit -a"))
            return false;
    }
    return git({"push", "-q", m_pushRemote, branch}, worktree, "push");
}

} // namespace builder::bench
