#pragma once

#include <QString>
#include <QStringList>

// Runs the git CLI hermetically (own HOME, no system config, fixed identity) to
// build test repositories. Each call returns false and logs git's stderr on failure.
class GitCli
{
public:
    explicit GitCli(QString homeDir);

    bool run(const QStringList& args, QString* output = nullptr,
             const QByteArray& input = {}) const;
    // The same without the warning, for commands expected to fail sometimes
    // (rev-parse of a ref that may not exist).
    bool probe(const QStringList& args, QString* output = nullptr) const;

    // A bare repository whose HEAD names headBranch; no commits.
    bool initBare(const QString& path, const QString& headBranch) const;
    // A commit (empty tree) on branch in repo; its oid goes to oid.
    bool commitOnBranch(const QString& repo, const QString& branch, QString* oid) const;

private:
    bool exec(const QStringList& args, QString* output, const QByteArray& input, bool warn) const;

    QString m_homeDir;
};
