#include "GitWorkspaceBench.h"

#include "GitDaemon.h"
#include "RepoGenerator.h"
#include "common/CancelToken.h"
#include "git/DirectoryRemover.h"
#include "git/MirrorCache.h"
#include "git/Workspace.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace builder::bench {

using builder::common::CancelToken;
using builder::git::DirectoryRemover;
using builder::git::MirrorCache;
using builder::git::Workspace;

namespace {

constexpr unsigned kSeed = 20240611;
constexpr double kTargetRatio = 1.5;

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

bool appendLine(const QString& path, const QByteArray& line)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(line) == line.size();
}

} // namespace

GitWorkspaceBench::GitWorkspaceBench(const BenchOptions& options, QString dir)
    : m_options(options), m_dir(std::move(dir)), m_git(m_dir + "/home")
{
    QDir().mkpath(m_dir + "/home");
}

bool GitWorkspaceBench::timed(Samples& samples, const std::function<bool()>& work)
{
    const auto start = std::chrono::steady_clock::now();
    const bool ok = work();
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    if (ok) {
        samples.add(elapsed.count());
    }
    return ok;
}

// Flushes the previous round's writes and deletions so they are not billed to
// the next measurement.
void GitWorkspaceBench::settle()
{
    ::sync();
}

void GitWorkspaceBench::report(const char* what, const Samples& ours, const Samples& git,
                               const char* baseline) const
{
    const double ratio = git.percentile(50) > 0 ? ours.percentile(50) / git.percentile(50) : 0;
    std::printf("%s\n  builder_git  %s\n  %-12s %s\n  ratio p50 %.2f\n", what,
                ours.describe().c_str(), baseline, git.describe().c_str(), ratio);
}

bool GitWorkspaceBench::prepare()
{
    RepoGenerator generator(m_git, kSeed);
    RepoGenerator::Stats stats;
    const auto start = std::chrono::steady_clock::now();
    if (!generator.generate(path("source"), path("remote.git"), m_options.files, stats)) {
        return false;
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("repository: %d files, %.1f MB of text, generated in %.1f s\n", stats.files,
                double(stats.bytes) / 1e6, took.count());
    return true;
}

bool GitWorkspaceBench::cloneOnce(const std::string& url, const QString& root,
                                  const QString& cliMirror, Samples& ours, Samples& git)
{
    settle();
    if (!timed(ours, [&] {
            MirrorCache cache(root.toStdString());
            return cache.ensure("bench", url, {}, CancelToken()).ok();
        })) {
        return false;
    }
    settle();
    // A path: both sides hard-link the source's object files (git's --local default,
    // MirrorCache's LocalObjectSeeder); a git:// URL goes through the pack protocol.
    return timed(git, [&] {
        return m_git.run({"clone", "--quiet", "--mirror", QString::fromStdString(url), cliMirror});
    });
}

bool GitWorkspaceBench::cloneAndFetch()
{
    GitDaemon daemon;
    if (!daemon.start(m_dir)) {
        std::cerr << "cannot start git daemon\n";
        return false;
    }
    const std::string localUrl = path("remote.git").toStdString();
    const std::string networkUrl = daemon.url("remote.git").toStdString();
    Samples oursLocal, gitLocal, oursNetwork, gitNetwork, oursFetch, gitFetch;
    for (int i = 0; i < m_options.cloneRuns; ++i) {
        if (!cloneOnce(localUrl, path(QString("mirrors-local-%1").arg(i)),
                       path(QString("cli-local-%1.git").arg(i)), oursLocal, gitLocal) ||
            !cloneOnce(networkUrl, path(QString("mirrors-%1").arg(i)),
                       path(QString("cli-mirror-%1.git").arg(i)), oursNetwork, gitNetwork)) {
            return false;
        }
    }
    m_mirror = path("mirrors-0/bench.git");
    MirrorCache cache(path("mirrors-0").toStdString());
    for (int i = 0; i < m_options.cloneRuns; ++i) {
        // One new commit upstream per round, so both fetches have work to do.
        if (!appendLine(path("source/" + RepoGenerator::pathFor(0)),
                        QByteArray("// round ") + QByteArray::number(i) + "\n") ||
            !m_git.run({"-C", path("source"), "commit", "--quiet", "-am", "round"}) ||
            !m_git.run({"-C", path("source"), "push", "--quiet", path("remote.git"), "main"})) {
            return false;
        }
        settle();
        if (!timed(oursFetch,
                   [&] { return cache.ensure("bench", networkUrl, {}, CancelToken()).ok(); })) {
            return false;
        }
        settle();
        if (!timed(gitFetch, [&] {
                return m_git.run({"--git-dir=" + path("cli-mirror-0.git"), "fetch", "--quiet",
                                  "--prune", "origin"});
            })) {
            return false;
        }
    }
    // Both mirrors must have followed the remote.
    QString upstream, ours, theirs;
    if (!m_git.run({"--git-dir=" + path("remote.git"), "rev-parse", "main"}, &upstream) ||
        !m_git.run({"--git-dir=" + m_mirror, "rev-parse", "main"}, &ours) ||
        !m_git.run({"--git-dir=" + path("cli-mirror-0.git"), "rev-parse", "main"}, &theirs) ||
        ours != upstream || theirs != upstream) {
        std::cerr << "a mirror did not follow the remote\n";
        return false;
    }
    report("mirror cold clone from a path (MirrorCache::ensure vs git clone --mirror, hard links)",
           oursLocal, gitLocal, "git clone");
    report("mirror cold clone over git:// (MirrorCache::ensure vs git clone --mirror)", oursNetwork,
           gitNetwork, "git clone");
    report("mirror warm fetch over git://, one new commit (MirrorCache::ensure vs git fetch "
           "--prune)",
           oursFetch, gitFetch, "git fetch");
    return true;
}

bool GitWorkspaceBench::worktrees()
{
    Samples ours, git;
    for (int i = 0; i < m_options.runs; ++i) {
        const QString mine = path(QString("ws/builder-%1").arg(i));
        const QString cli = path(QString("ws/cli-%1").arg(i));
        const QString cliBranch = QString("cli-%1").arg(i);
        auto createOurs = [&] {
            settle();
            return timed(ours, [&] {
                return Workspace::create(m_mirror.toStdString(), mine.toStdString(),
                                         "builder/bench-" + std::to_string(i), "main")
                    .ok();
            });
        };
        auto createCli = [&] {
            settle();
            return timed(git, [&] {
                return m_git.run({"--git-dir=" + m_mirror, "worktree", "add", "--quiet", "-b",
                                  cliBranch, cli, "main"});
            });
        };
        // Alternate who goes first.
        const bool ok = i % 2 == 0 ? createOurs() && createCli() : createCli() && createOurs();
        if (!ok) {
            return false;
        }
        if (i + 1 < m_options.runs) {
            (void)DirectoryRemover::remove(mine.toStdString());
            (void)DirectoryRemover::remove(cli.toStdString());
        }
    }
    m_git.run({"--git-dir=" + m_mirror, "worktree", "prune"});
    report("workspace creation, 1 branch checked out (Workspace::create vs git worktree add)", ours,
           git, "git worktree");
    const double ratio = ours.percentile(50) / git.percentile(50);
    std::printf("  target ratio <= %.1f: %s\n", kTargetRatio,
                ratio <= kTargetRatio ? "met" : "MISSED");
    return true;
}

bool GitWorkspaceBench::commits()
{
    const int last = m_options.runs - 1;
    const QString mine = path(QString("ws/builder-%1").arg(last));
    const QString cli = path(QString("ws/cli-%1").arg(last));
    auto ws = Workspace::open(mine.toStdString());
    if (!ws.ok()) {
        return false;
    }
    Samples ours, git;
    auto change = [&](const QString& root, int round) {
        const QByteArray line = "// change " + QByteArray::number(round) + "\n";
        return appendLine(root + "/" + RepoGenerator::pathFor(1), line) &&
               appendLine(root + "/" + RepoGenerator::pathFor(2), line) &&
               writeFile(root + QString("/src/module3/new%1.cpp").arg(round), line);
    };
    for (int i = 0; i < m_options.runs; ++i) {
        if (!change(mine, i) || !change(cli, i)) {
            return false;
        }
        settle();
        if (!timed(ours, [&] {
                return ws->commitAll("bench change", {"Bench", "bench@builder.invalid"}).ok();
            })) {
            return false;
        }
        settle();
        if (!timed(git, [&] {
                return m_git.run({"-C", cli, "add", "--all"}) &&
                       m_git.run({"-C", cli, "commit", "--quiet", "-m", "bench change"});
            })) {
            return false;
        }
    }
    report("commitAll of a 3-file change (2 modified, 1 added) vs git add --all + git commit", ours,
           git, "git add+commit");
    return true;
}

} // namespace builder::bench
