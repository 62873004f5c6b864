#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace builder::testing {

// A scratch git repository driven by the real git CLI with an isolated HOME and
// identity, for tests that need genuine `git diff` output.
class GitDiffRepo
{
public:
    GitDiffRepo();

    bool ok() const { return m_ok; }
    QString path() const { return m_dir.path(); }
    // Runs git; returns stdout, or a null array when git failed.
    QByteArray git(const QStringList& args) const;
    bool write(const QString& relative, const QByteArray& bytes) const;
    bool remove(const QString& relative) const;
    bool commitAll(const QString& message) const;

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

} // namespace builder::testing
