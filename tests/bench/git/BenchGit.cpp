#include "BenchGit.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <iostream>

namespace builder::bench {

namespace {

constexpr int kTimeoutMs = 600000;

} // namespace

BenchGit::BenchGit(QString homeDir) : m_homeDir(std::move(homeDir)) {}

bool BenchGit::run(const QStringList& args, QString* output) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_homeDir);
    env.insert("GIT_CONFIG_NOSYSTEM", "1");
    env.insert("GIT_AUTHOR_NAME", "Bench");
    env.insert("GIT_AUTHOR_EMAIL", "bench@builder.invalid");
    env.insert("GIT_COMMITTER_NAME", "Bench");
    env.insert("GIT_COMMITTER_EMAIL", "bench@builder.invalid");
    QProcess git;
    git.setProcessEnvironment(env);
    git.start("git", args);
    if (!git.waitForStarted(kTimeoutMs) || !git.waitForFinished(kTimeoutMs) ||
        git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        std::cerr << "git " << args.join(' ').toStdString()
                  << " failed: " << git.readAllStandardError().toStdString() << "\n";
        return false;
    }
    if (output != nullptr) {
        *output = QString::fromUtf8(git.readAllStandardOutput()).trimmed();
    }
    return true;
}

} // namespace builder::bench
