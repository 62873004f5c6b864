#pragma once

#include "Samples.h"
#include "SyntheticRepo.h"

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace builder::bench {

// The same delivery done with the git CLI on the same repository, in the same
// run: `git clone --bare` (cold) or `git fetch` into that clone (warm), then
// `git worktree add`, the three edits with one `git commit -a` each, and
// `git push` of the branch. Pushes go to a copy of the remote, so they never
// reach the repository the pipeline fetches.
class GitCliBaseline
{
public:
    GitCliBaseline(QString remote, QString dir, std::vector<SyntheticRepo::Target> targets);

    bool prepare(QString* error);
    // One delivery; adds its total and per-command times to the samples.
    bool runCold(int run, QString* error);
    bool runWarm(int run, QString* error);

    const Samples& cold() const { return m_cold; }
    const Samples& warm() const { return m_warm; }
    // Per command ("clone --bare", "worktree add", ...), cold and warm together
    // except the first command.
    const std::map<std::string, Samples>& commands() const { return m_commands; }
    // The `git worktree add` of the last run.
    double lastWorktreeMs() const { return m_lastWorktreeMs; }

private:
    bool deliver(const QString& gitDir, int run, QString* error);

    QString m_remote;
    QString m_dir;
    QString m_pushRemote;
    QString m_warmClone;
    std::vector<SyntheticRepo::Target> m_targets;
    Samples m_cold;
    Samples m_warm;
    std::map<std::string, Samples> m_commands;
    double m_lastWorktreeMs = 0;
};

} // namespace builder::bench
