#include "TestRepos.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

TestRepos::TestRepos(QString root) : m_root(std::move(root)), m_git(m_root + "/home")
{
    QDir().mkpath(m_root + "/home");
}

QString TestRepos::path(const QString& name) const
{
    return m_root + "/" + name;
}

bool TestRepos::writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

QByteArray TestRepos::readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList TestRepos::filesContaining(const QString& dir, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (readFile(file).contains(needle)) {
            hits << file;
        }
    }
    return hits;
}

QString TestRepos::gitIn(const QString& dir, const QStringList& args) const
{
    QString output;
    if (!m_git.run(QStringList{"-C", dir} + args, &output)) {
        return QString();
    }
    return output.isNull() ? QString("") : output;
}

QString TestRepos::revParse(const QString& dir, const QString& rev) const
{
    QString output;
    if (!m_git.probe({"-C", dir, "rev-parse", "--verify", "--quiet", rev}, &output)) {
        return QString();
    }
    return output;
}

bool TestRepos::createRemote(const QString& name, const Files& files, QString* sha,
                             const QString& branch) const
{
    if (!m_git.initBare(path(name), branch)) {
        return false;
    }
    return pushCommit(name, branch, files, {}, "initial commit", sha);
}

bool TestRepos::pushCommit(const QString& remote, const QString& branch, const Files& files,
                           const QStringList& deletions, const QString& message, QString* sha) const
{
    const QString work = path(QString("scratch-%1").arg(++m_scratchCount));
    if (!m_git.run({"clone", "--quiet", path(remote), work})) {
        return false;
    }
    const bool exists = !revParse(work, "refs/remotes/origin/" + branch).isEmpty();
    const bool empty = revParse(work, "HEAD").isEmpty();
    if (exists) {
        if (!m_git.run({"-C", work, "checkout", "--quiet", "-B", branch, "origin/" + branch})) {
            return false;
        }
    } else if (empty) {
        if (!m_git.run({"-C", work, "symbolic-ref", "HEAD", "refs/heads/" + branch})) {
            return false;
        }
    } else if (!m_git.run({"-C", work, "checkout", "--quiet", "-b", branch})) {
        return false;
    }
    for (auto it = files.begin(); it != files.end(); ++it) {
        if (!writeFile(work + "/" + it.key(), it.value())) {
            return false;
        }
    }
    for (const QString& deletion : deletions) {
        QFile::remove(work + "/" + deletion);
    }
    QString oid;
    const bool ok = m_git.run({"-C", work, "add", "--all"}) &&
                    m_git.run({"-C", work, "commit", "--quiet", "-m", message}) &&
                    m_git.run({"-C", work, "push", "--quiet", "origin", branch}) &&
                    !(oid = revParse(work, "HEAD")).isEmpty();
    QDir(work).removeRecursively();
    if (ok && sha != nullptr) {
        *sha = oid;
    }
    return ok;
}
