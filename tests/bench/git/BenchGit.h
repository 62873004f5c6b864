#pragma once

#include <QString>
#include <QStringList>

namespace builder::bench {

// The real git CLI, hermetic (own HOME, no system config, fixed identity): the
// baseline builder_git is compared with, and the tool that builds the fixture.
class BenchGit
{
public:
    explicit BenchGit(QString homeDir);

    // Runs git; false (and git's stderr on std::cerr) on failure.
    bool run(const QStringList& args, QString* output = nullptr) const;

private:
    QString m_homeDir;
};

} // namespace builder::bench
