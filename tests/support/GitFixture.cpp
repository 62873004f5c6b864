#include "GitFixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace builder::testing {

bool GitFixture::git(const QStringList& args, const QString& workDir, QString* output)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("GIT_CONFIG_NOSYSTEM", "1");
    env.insert("GIT_AUTHOR_NAME", "Builder Test");
    env.insert("GIT_AUTHOR_EMAIL", "test@builder.invalid");
    env.insert("GIT_COMMITTER_NAME", "Builder Test");
    env.insert("GIT_COMMITTER_EMAIL", "test@builder.invalid");
    env.insert("HOME", workDir);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(workDir);
    p.start("git", args);
    if (!p.waitForFinished(30000))
        return false;
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool GitFixture::createEmptyBare(const QString& path, QString* error)
{
    QDir().mkpath(path);
    QString out;
    if (!git({"init", "--bare", "-q", path}, path, &out)) {
        if (error)
            *error = out;
        return false;
    }
    return true;
}

bool GitFixture::createBareWithCommit(const QString& path, const QString& branch, QString* error)
{
    QTemporaryDir work;
    QString out;
    auto fail = [&](const QString& step) {
        if (error)
            *error = step + ": " + out;
        return false;
    };
    if (!createEmptyBare(path, error))
        return false;
    if (!git({"init", "-q", "-b", branch, work.path()}, work.path(), &out))
        return fail("init work tree");
    QFile readme(work.path() + "/README.md");
    if (!readme.open(QIODevice::WriteOnly))
        return fail("write README");
    readme.write("# fixture\n");
    readme.close();
    if (!git({"add", "README.md"}, work.path(), &out) ||
        !git({"commit", "-q", "-m", "initial"}, work.path(), &out))
        return fail("commit");
    if (!git({"push", "-q", path, branch}, work.path(), &out))
        return fail("push");
    if (!git({"--git-dir", path, "symbolic-ref", "HEAD", "refs/heads/" + branch}, path, &out))
        return fail("set HEAD");
    return true;
}

bool GitFixture::createBareFromDirectory(const QString& sourceDir, const QString& path,
                                         const QString& branch, QString* error)
{
    QTemporaryDir work;
    QString out;
    auto fail = [&](const QString& step) {
        if (error)
            *error = step + ": " + out;
        return false;
    };
    if (!createEmptyBare(path, error))
        return false;
    // Reflogs on the bare remote let tests count every update a push made.
    if (!git({"--git-dir", path, "config", "core.logAllRefUpdates", "always"}, path, &out))
        return fail("enable reflogs");
    if (!git({"init", "-q", "-b", branch, work.path()}, work.path(), &out))
        return fail("init work tree");
    QProcess copy;
    copy.start("cp", {"-a", sourceDir + "/.", work.path()});
    if (!copy.waitForFinished(30000) || copy.exitCode() != 0)
        return fail("copy " + sourceDir);
    if (!git({"add", "-A"}, work.path(), &out) ||
        !git({"commit", "-q", "-m", "Initial import"}, work.path(), &out))
        return fail("commit");
    if (!git({"push", "-q", path, branch}, work.path(), &out))
        return fail("push");
    if (!git({"--git-dir", path, "symbolic-ref", "HEAD", "refs/heads/" + branch}, path, &out))
        return fail("set HEAD");
    return true;
}

} // namespace builder::testing
