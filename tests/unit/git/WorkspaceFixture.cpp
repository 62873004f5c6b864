#include "WorkspaceFixture.h"

#include "common/CancelToken.h"
#include "git/MirrorCache.h"

#include <QDir>
#include <QFile>

using builder::git::Signature;
using builder::git::Workspace;

const Signature WorkspaceFixture::kBot{"Builder Bot", "bot@builder.invalid"};
const QByteArray WorkspaceFixture::kBinary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01\x02\x03", 20);

TestRepos::Files WorkspaceFixture::baseFiles()
{
    return {
        {"README.md", "hello\n"},
        {"src/main.cpp", "int main()\n{\n    return 0;\n}\n"},
        {"src/util.cpp", "// util\nint one() { return 1; }\nint two() { return 2; }\n"
                         "int three() { return 3; }\nint four() { return 4; }\n"},
        {"docs/old.txt", "old\ndoc\n"},
        {".gitignore", "build/\n*.log\n"},
        {"image.bin", kBinary},
    };
}

void WorkspaceFixture::makeStepChanges(const QString& workTree)
{
    TestRepos::writeFile(workTree + "/src/main.cpp",
                         "#include \"new.h\"\nint main()\n{\n    run();\n    return 0;\n}\n");
    TestRepos::writeFile(workTree + "/src/new.cpp", "void run()\n{\n}\n");
    QFile::remove(workTree + "/docs/old.txt");
    QDir().mkpath(workTree + "/lib");
    QDir().rename(workTree + "/src/util.cpp", workTree + "/lib/util.cpp");
    TestRepos::writeFile(workTree + "/build/out.o", "object code");
    TestRepos::writeFile(workTree + "/app.log", "log line");
}

bool WorkspaceFixture::setUp()
{
    // libgit2 reads the user's git config: keep it out.
    qputenv("HOME", path("home").toUtf8());
    qunsetenv("XDG_CONFIG_HOME");
    if (!m_repos.createRemote("remote.git", baseFiles(), &m_baseSha) ||
        !m_repos.pushCommit("remote.git", "release", {{"RELEASE", "1.0\n"}}, {}, "release")) {
        return false;
    }
    builder::git::MirrorCache cache(path("mirrors").toStdString());
    const auto status =
        cache.ensure("repo", path("remote.git").toStdString(), {}, builder::common::CancelToken());
    if (!status.ok()) {
        return false;
    }
    m_mirror = status->path;
    return true;
}

builder::common::Result<Workspace> WorkspaceFixture::create(const QString& name,
                                                            const std::string& base)
{
    return Workspace::create(m_mirror, path(name).toStdString(), "builder/" + name.toStdString(),
                             base);
}

QString WorkspaceFixture::freshClone(const QString& name) const
{
    const QString dir = path(name);
    if (!m_repos.git().run({"clone", "--quiet", path("remote.git"), dir}) ||
        !m_repos.git().run({"-C", dir, "checkout", "--quiet", "--detach", m_baseSha})) {
        return {};
    }
    return dir;
}
