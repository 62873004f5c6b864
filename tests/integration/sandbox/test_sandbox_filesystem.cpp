// Escape tests, files: builderd's home (.ssh), /etc/shadow, a data directory
// and a credential key file are unreadable inside; /usr, /, /etc, the host
// /tmp and the workspace's .git are unwritable; the host is checked afterwards.
// The workspace is writable and gets its ownership back after the run.
#include "SandboxHarness.h"

#include <QTest>

#include <dirent.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using builder::tests::SandboxHarness;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

class TestSandboxFilesystem : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void secretsAreUnreadable_data();
    void secretsAreUnreadable();
    void systemIsUnwritable_data();
    void systemIsUnwritable();
    void gitIsReadOnly();
    void workspaceIsWritableAndOwnershipComesBack();
    void runsAsUnprivilegedUser();
    void etcIsOneReadOnlySnapshot();
    void plantedSymlinksDoNotRedirectTheRestore();

private:
    std::unique_ptr<SandboxHarness> m_harness;
    QTemporaryDir m_host; // builderd's "home", data dir and key live here, outside the workspace
    QByteArray m_oldHome;
    std::map<std::string, std::string> m_canaries; // path -> content
};

void TestSandboxFilesystem::initTestCase()
{
    m_harness = std::make_unique<SandboxHarness>();
    QVERIFY2(m_harness->ready(), m_harness->setupError().c_str());
    // World-readable canaries: only the sandbox stands between them and the code.
    const fs::path host = m_host.path().toStdString();
    fs::permissions(host, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
    const std::string token = "canary-" + std::to_string(getpid());
    for (const auto& [relative, content] :
         std::map<std::string, std::string>{{"home/.ssh/id_ed25519", token + "-ssh-key"},
                                            {"data/builder.db", token + "-database"},
                                            {"data/keys/credential.key", token + "-credential"}}) {
        write(host / relative, content);
        m_canaries[(host / relative).string()] = content;
    }
    // builderd's $HOME is the canary home for this test process.
    m_oldHome = qgetenv("HOME");
    qputenv("HOME", QByteArray::fromStdString((host / "home").string()));
}

void TestSandboxFilesystem::cleanupTestCase()
{
    qputenv("HOME", m_oldHome);
}

void TestSandboxFilesystem::secretsAreUnreadable_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("canary");
    const fs::path host = m_host.path().toStdString();
    QTest::addRow("$HOME/.ssh key")
        << QString::fromStdString(qgetenv("HOME").toStdString() + "/.ssh/id_ed25519") << true;
    QTest::addRow("data directory")
        << QString::fromStdString((host / "data/builder.db").string()) << true;
    QTest::addRow("credential key")
        << QString::fromStdString((host / "data/keys/credential.key").string()) << true;
    QTest::addRow("/etc/shadow") << "/etc/shadow" << false;
    QTest::addRow("/root") << "/root" << false;
    QTest::addRow("/etc/gshadow") << "/etc/gshadow" << false;
    QTest::addRow("builderd's environment")
        << QString::fromStdString("/proc/" + std::to_string(getpid()) + "/environ") << false;
}

void TestSandboxFilesystem::secretsAreUnreadable()
{
    QFETCH(QString, path);
    QFETCH(bool, canary);
    const std::string target = path.toStdString();
    if (canary) {
        // The control: outside the sandbox the file is there and readable.
        QCOMPARE(SandboxHarness::value(SandboxHarness::control({"read", target}), "read", target),
                 std::string("READ"));
    }
    auto run = m_harness->probe({"read", target});
    QVERIFY2(run.ok, run.error.c_str());
    const std::string result = SandboxHarness::value(run.output, "read", target);
    QVERIFY2(result != "READ" && !result.empty(), (target + ": " + run.output).c_str());
    if (canary)
        QCOMPARE(slurp(target), m_canaries[target]); // the host is unchanged
}

void TestSandboxFilesystem::systemIsUnwritable_data()
{
    QTest::addColumn<QString>("inside");
    QTest::addColumn<QString>("onHost"); // where the write would land on the host
    const std::string name = "builder-escape-" + std::to_string(getpid());
    QTest::addRow("/usr") << QString::fromStdString("/usr/" + name)
                          << QString::fromStdString("/usr/" + name);
    QTest::addRow("/") << QString::fromStdString("/" + name) << QString::fromStdString("/" + name);
    QTest::addRow("/etc") << QString::fromStdString("/etc/" + name)
                          << QString::fromStdString("/etc/" + name);
    QTest::addRow("/usr/bin") << QString::fromStdString("/usr/bin/" + name)
                              << QString::fromStdString("/usr/bin/" + name);
    // /tmp inside is private: the write succeeds there and must not reach the host.
    QTest::addRow("host /tmp") << QString::fromStdString("/tmp/" + name)
                               << QString::fromStdString("/tmp/" + name);
    QTest::addRow("workspace parent")
        << QString::fromStdString("/workspace/../" + name)
        << QString::fromStdString((m_harness->workspace().parent_path() / name).string());
}

void TestSandboxFilesystem::systemIsUnwritable()
{
    QFETCH(QString, inside);
    QFETCH(QString, onHost);
    const std::string target = inside.toStdString();
    auto run = m_harness->probe({"write", target});
    QVERIFY2(run.ok, run.error.c_str());
    const std::string result = SandboxHarness::value(run.output, "write", target);
    if (!target.starts_with("/tmp/"))
        QVERIFY2(result == "EROFS" || result == "EACCES" || result == "EPERM", result.c_str());
    QVERIFY2(!fs::exists(onHost.toStdString()),
             ("the sandbox wrote " + onHost.toStdString() + " on the host").c_str());
}

void TestSandboxFilesystem::gitIsReadOnly()
{
    const fs::path git = m_harness->workspace() / ".git";
    write(git / "HEAD", "ref: refs/heads/main\n");
    write(git / "config", "[core]\n\tbare = false\n");
    auto run = m_harness->probe({"write", "/workspace/.git/config", "/workspace/.git/hooks-new"});
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY(SandboxHarness::value(run.output, "write", "/workspace/.git/config") != "WROTE");
    QVERIFY(SandboxHarness::value(run.output, "write", "/workspace/.git/hooks-new") != "WROTE");
    auto replace =
        m_harness->shell("mv /workspace/.git /workspace/git-moved; rm -rf /workspace/.git;"
                         " cat /workspace/.git/HEAD");
    QVERIFY2(replace.ok, replace.error.c_str());
    QCOMPARE(slurp(git / "config"), std::string("[core]\n\tbare = false\n"));
    QCOMPARE(slurp(git / "HEAD"), std::string("ref: refs/heads/main\n"));
    QVERIFY(!fs::exists(m_harness->workspace() / "git-moved"));
    QVERIFY(!fs::exists(git / "hooks-new"));
    fs::remove_all(git);
}

void TestSandboxFilesystem::workspaceIsWritableAndOwnershipComesBack()
{
    const fs::path workspace = m_harness->workspace();
    write(workspace / "src/main.c", "int main(void) { return 0; }\n");
    struct stat before;
    QCOMPARE(stat((workspace / "src/main.c").c_str(), &before), 0);
    auto run =
        m_harness->shell("echo built > /workspace/out.txt && mkdir -p /workspace/build/x && "
                         "echo obj > /workspace/build/x/a.o && chmod 4755 /workspace/build/x/a.o"
                         " && echo changed >> /workspace/src/main.c && id -u");
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(run.result.exitCode, 0);
    QCOMPARE(slurp(workspace / "out.txt"), std::string("built\n"));
    // Everything belongs to builderd's user again, and no set-uid bit survived.
    for (const auto& path : {workspace / "out.txt", workspace / "build/x/a.o",
                             workspace / "src/main.c", workspace / "build"}) {
        struct stat st;
        QCOMPARE(lstat(path.c_str(), &st), 0);
        QCOMPARE(st.st_uid, before.st_uid);
        QCOMPARE(st.st_gid, before.st_gid);
        QVERIFY((st.st_mode & (S_ISUID | S_ISGID)) == 0);
    }
    struct stat root;
    QCOMPARE(stat(workspace.c_str(), &root), 0);
    QCOMPARE(root.st_uid, geteuid());
}

void TestSandboxFilesystem::runsAsUnprivilegedUser()
{
    const auto& user = m_harness->sandbox().user();
    QVERIFY(user.uid != 0);
    // Seen from the host: every process of a running sandbox has the sandbox uid.
    const std::string tag = "builder-marker-uid-" + std::to_string(getpid());
    std::vector<uid_t> owners;
    builder::common::CancelToken stop;
    std::thread watcher([&] {
        // Until the daemon and its parent are both seen (bounded), then stop the run.
        for (int i = 0; i < 1000 && owners.size() < 2; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            owners.clear();
            DIR* proc = opendir("/proc");
            while (dirent* entry = readdir(proc)) {
                const std::string pid = entry->d_name;
                if (pid[0] < '0' || pid[0] > '9')
                    continue;
                std::ifstream in("/proc/" + pid + "/cmdline", std::ios::binary);
                std::stringstream text;
                text << in.rdbuf();
                struct stat st;
                if (text.str().find(tag) != std::string::npos &&
                    stat(("/proc/" + pid).c_str(), &st) == 0)
                    owners.push_back(st.st_uid);
            }
            closedir(proc);
        }
        stop.cancel();
    });
    auto run = m_harness->probe({"daemon", tag, "stay"}, std::chrono::seconds(30), {}, false, stop);
    watcher.join();
    QVERIFY2(!run.ok, "the daemon run should have been stopped by the test");
    QVERIFY(!owners.empty());
    for (uid_t owner : owners)
        QCOMPARE(owner, user.uid);
    auto status = m_harness->shell("grep -E '^(Uid|CapEff|NoNewPrivs|Seccomp):' /proc/self/status");
    QVERIFY2(status.ok, status.error.c_str());
    QVERIFY(status.output.find("Uid:\t1000\t1000\t1000\t1000") != std::string::npos);
    QVERIFY(status.output.find("CapEff:\t0000000000000000") != std::string::npos);
    QVERIFY(status.output.find("NoNewPrivs:\t1") != std::string::npos);
    QVERIFY(status.output.find("Seccomp:\t2") != std::string::npos);
}

void TestSandboxFilesystem::etcIsOneReadOnlySnapshot()
{
    // One mount for all of /etc, with the generated identity files and what
    // toolchains read; nothing of the host's identity or secrets.
    auto run = m_harness->shell(
        "echo \"etc-mounts $(awk '$5 ~ /^[/]etc/ {n++} END {print n+0}' /proc/self/mountinfo)\"; "
        "grep -q '^builder:x:1000:1000:' /etc/passwd && echo 'passwd builder'; "
        "grep -q '^root:x:0:' /etc/passwd && ! grep -qv -e '^root:' -e '^builder:' -e '^nobody:' "
        "/etc/passwd && echo 'passwd only-sandbox-users'; "
        "echo \"mtab $(readlink /etc/mtab)\"; "
        "test -s /etc/ld.so.cache && echo 'ld.so.cache present'; "
        "test -e /etc/shadow || echo 'shadow absent'; "
        "test -e /etc/machine-id || echo 'machine-id absent'; "
        "touch /etc/builder-probe 2>/dev/null || echo 'etc read-only'");
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY2(run.output.find("etc-mounts 1\n") != std::string::npos, run.output.c_str());
    for (const char* line :
         {"passwd builder", "passwd only-sandbox-users", "mtab ../proc/self/mounts",
          "ld.so.cache present", "shadow absent", "machine-id absent", "etc read-only"})
        QVERIFY2(run.output.find(std::string(line) + "\n") != std::string::npos,
                 (std::string(line) + " missing from: " + run.output).c_str());
    QVERIFY(!fs::exists("/etc/builder-probe"));
}

void TestSandboxFilesystem::plantedSymlinksDoNotRedirectTheRestore()
{
    // The run leaves symlinks to host files; giving the workspace back must
    // change the links themselves, never what they point to.
    const fs::path canary = fs::path(m_host.path().toStdString()) / "owned-by-nobody-else";
    write(canary, "x");
    struct stat before;
    QCOMPARE(stat(canary.c_str(), &before), 0);
    auto run =
        m_harness->shell("ln -s " + canary.string() +
                         " /workspace/link && "
                         "ln -s /etc/passwd /workspace/passwd-link && mkdir -p /workspace/d && "
                         "ln -s /usr /workspace/d/usr-link");
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(run.result.exitCode, 0);
    struct stat after;
    QCOMPARE(stat(canary.c_str(), &after), 0);
    QCOMPARE(after.st_uid, before.st_uid);
    QCOMPARE(after.st_mode, before.st_mode);
    QCOMPARE(stat("/etc/passwd", &after), 0);
    QCOMPARE(after.st_uid, 0u);
    QCOMPARE(stat("/usr", &after), 0);
    QCOMPARE(after.st_uid, 0u);
    struct stat link;
    QCOMPARE(lstat((m_harness->workspace() / "link").c_str(), &link), 0);
    QVERIFY(S_ISLNK(link.st_mode));
    QCOMPARE(link.st_uid, geteuid()); // the link itself was given back
}

QTEST_GUILESS_MAIN(TestSandboxFilesystem)
#include "test_sandbox_filesystem.moc"
