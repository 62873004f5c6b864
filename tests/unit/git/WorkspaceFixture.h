#pragma once

#include "TestRepos.h"
#include "common/Result.h"
#include "git/Signature.h"
#include "git/Workspace.h"

#include <QByteArray>
#include <QString>

#include <string>

// The repository the Workspace tests work on: a bare remote with a known tree on
// `main` and a `release` branch, its mirror, and the step every test applies.
class WorkspaceFixture
{
public:
    static const builder::git::Signature kBot;
    static const QByteArray kBinary;

    // README, two sources, a doc, a .gitignore (build/, *.log) and a binary file.
    static TestRepos::Files baseFiles();
    // The standard step: modify src/main.cpp (+2 lines), add src/new.cpp (3),
    // delete docs/old.txt (2), move src/util.cpp to lib/, write ignored output.
    static void makeStepChanges(const QString& workTree);

    explicit WorkspaceFixture(const QString& root) : m_root(root), m_repos(root) {}

    // Isolates HOME, makes the remote and mirrors it; false on failure.
    bool setUp();

    QString path(const QString& name) const { return m_root + "/" + name; }
    const TestRepos& repos() const { return m_repos; }
    const std::string& mirror() const { return m_mirror; }
    const QString& baseSha() const { return m_baseSha; }

    // A workspace <root>/<name> on branch builder/<name>.
    builder::common::Result<builder::git::Workspace> create(const QString& name,
                                                            const std::string& base = "main");
    // A fresh clone of the remote detached at the base commit, for the CLI.
    QString freshClone(const QString& name) const;

private:
    QString m_root;
    TestRepos m_repos;
    std::string m_mirror;
    QString m_baseSha;
};
