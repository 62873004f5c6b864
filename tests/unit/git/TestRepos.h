#pragma once

#include "GitCli.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

// Repositories for builder_git's tests, made and inspected with the real git CLI
// under one directory: bare remotes, commits pushed to them, file helpers.
class TestRepos
{
public:
    using Files = QMap<QString, QByteArray>; // relative path -> content

    explicit TestRepos(QString root);

    const GitCli& git() const { return m_git; }
    QString path(const QString& name) const;

    // A bare repository <root>/<name> whose HEAD is branch, with one commit of files.
    bool createRemote(const QString& name, const Files& files, QString* sha = nullptr,
                      const QString& branch = "main") const;
    // Commits files (written) and deletions (removed) on branch of remote, creating
    // the branch from HEAD when missing, and pushes it.
    bool pushCommit(const QString& remote, const QString& branch, const Files& files,
                    const QStringList& deletions, const QString& message,
                    QString* sha = nullptr) const;
    // `git rev-parse rev` in the repository at dir (work tree or bare).
    QString revParse(const QString& dir, const QString& rev) const;
    // `git -C dir <args>` output, or a null string when git failed.
    QString gitIn(const QString& dir, const QStringList& args) const;

    static bool writeFile(const QString& path, const QByteArray& content);
    static QByteArray readFile(const QString& path);
    // Every regular file under dir whose content contains needle.
    static QStringList filesContaining(const QString& dir, const QByteArray& needle);

private:
    QString m_root;
    GitCli m_git;
    mutable int m_scratchCount = 0;
};
