// EtcSnapshot: the sandbox's /etc copy holds exactly what the sandbox user
// could read (world-readable files, searchable directories, links) plus the
// generated files; it follows host changes after the recheck interval, keeps
// a superseded copy while a run holds it, and cleans up after itself.
#include "executor/EtcSnapshot.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using builder::executor::EtcSnapshot;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text, fs::perms mode)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    fs::permissions(path, mode);
}

std::string slurp(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

constexpr fs::perms kPublic =
    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read;
constexpr fs::perms kPrivate = fs::perms::owner_read | fs::perms::owner_write;

} // namespace

class TestEtcSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void copiesWhatTheSandboxUserCouldRead();
    void generatedFilesWin();
    void topLevelLinkOutsideUsrIsFollowed();
    void followsHostChangesAfterTheRecheck();
    void holdsTheCopyWithinTheRecheck();
    void supersededCopyLivesWhileHeld();
    void restartReusesTheCopyAndRemovesStrays();
    void privateRootIsRemoved();

private:
    EtcSnapshot::Options options(std::chrono::milliseconds recheck = std::chrono::milliseconds(0));

    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_etc;
    fs::path m_root;
};

void TestEtcSnapshot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const fs::path base = m_dir->path().toStdString();
    m_etc = base / "etc";
    m_root = base / "state" / "etc";
    write(m_etc / "ld.so.cache", "cache-bytes", kPublic);
    write(m_etc / "ssl/certs/ca.pem", "certificate", kPublic);
    write(m_etc / "ssl/certs/secret.key", "private-key-material", kPrivate);
    fs::create_symlink("ca.pem", m_etc / "ssl/certs/link.pem");
    write(m_etc / "perl/locked/inside.pm", "hidden", kPublic);
    fs::permissions(m_etc / "perl/locked", fs::perms::owner_all);
    write(m_etc / "perl/open.pm", "perl", kPublic);
    write(m_etc / "passwd", "host-users", kPublic);
    QCOMPARE(mkfifo((m_etc / "perl/fifo").c_str(), 0644), 0);
}

EtcSnapshot::Options TestEtcSnapshot::options(std::chrono::milliseconds recheck)
{
    EtcSnapshot::Options options;
    options.root = m_root;
    options.hostEtc = m_etc.string();
    options.sources = {(m_etc / "ld.so.cache").string(), (m_etc / "ssl/certs").string(),
                       (m_etc / "perl").string(),        (m_etc / "missing").string(),
                       (m_etc / "passwd").string(),      "/usr/../etc/shadow"};
    options.generated = {{"hosts", "127.0.0.1 localhost\n"}, {"resolv.conf", ""}};
    options.links = {{"mtab", "../proc/self/mounts"}};
    options.recheck = recheck;
    return options;
}

void TestEtcSnapshot::copiesWhatTheSandboxUserCouldRead()
{
    auto snapshot = EtcSnapshot::create(options());
    QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message().c_str());
    auto copy = (*snapshot)->current();
    QVERIFY(copy.ok());
    const fs::path dir = (*copy)->directory();
    QCOMPARE(dir.parent_path(), m_root);
    QCOMPARE(slurp(dir / "ld.so.cache"), std::string("cache-bytes"));
    QCOMPARE(slurp(dir / "ssl/certs/ca.pem"), std::string("certificate"));
    QVERIFY(fs::is_symlink(dir / "ssl/certs/link.pem"));
    QCOMPARE(fs::read_symlink(dir / "ssl/certs/link.pem"), fs::path("ca.pem"));
    QCOMPARE(slurp(dir / "perl/open.pm"), std::string("perl"));
    // Not world-readable on the host: not in the copy.
    QVERIFY(!fs::exists(dir / "ssl/certs/secret.key"));
    QVERIFY(!fs::exists(dir / "perl/locked"));
    QVERIFY(!fs::exists(dir / "perl/fifo"));
    QVERIFY(!fs::exists(dir / "missing"));
    QVERIFY(!fs::exists(dir / "shadow"));
    // Readable by everyone, writable by nobody else.
    struct stat st;
    QCOMPARE(stat(dir.c_str(), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0755u);
    QCOMPARE(stat((dir / "ssl").c_str(), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0755u);
    QCOMPARE(stat((dir / "ssl/certs/ca.pem").c_str(), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0644u);
}

void TestEtcSnapshot::generatedFilesWin()
{
    auto options = this->options();
    options.generated["passwd"] = "builder:x:1000:1000::/home/builder:/bin/sh\n";
    auto snapshot = EtcSnapshot::create(options);
    QVERIFY(snapshot.ok());
    const fs::path dir = (*(*snapshot)->current())->directory();
    QCOMPARE(slurp(dir / "passwd"), options.generated["passwd"]);
    QCOMPARE(slurp(dir / "hosts"), std::string("127.0.0.1 localhost\n"));
    QVERIFY(fs::is_regular_file(dir / "resolv.conf"));
    QCOMPARE(fs::file_size(dir / "resolv.conf"), std::uintmax_t(0));
    QCOMPARE(fs::read_symlink(dir / "mtab"), fs::path("../proc/self/mounts"));
}

void TestEtcSnapshot::topLevelLinkOutsideUsrIsFollowed()
{
    const fs::path elsewhere = fs::path(m_dir->path().toStdString()) / "elsewhere";
    write(elsewhere / "fonts.conf", "fonts", kPublic);
    fs::permissions(elsewhere, fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
    fs::create_directory_symlink(elsewhere, m_etc / "fonts");
    auto options = this->options();
    options.sources.push_back((m_etc / "fonts").string());
    auto snapshot = EtcSnapshot::create(options);
    QVERIFY(snapshot.ok());
    const fs::path dir = (*(*snapshot)->current())->directory();
    // The link would dangle inside (its target is not mounted): the content is copied.
    QVERIFY(!fs::is_symlink(dir / "fonts"));
    QCOMPARE(slurp(dir / "fonts/fonts.conf"), std::string("fonts"));
}

void TestEtcSnapshot::followsHostChangesAfterTheRecheck()
{
    auto snapshot = EtcSnapshot::create(options());
    QVERIFY(snapshot.ok());
    const auto first = *(*snapshot)->current();
    QCOMPARE((*(*snapshot)->current())->directory(), first->directory());
    write(m_etc / "ld.so.cache", "new-cache-bytes", kPublic);
    const auto second = *(*snapshot)->current();
    QVERIFY(second->directory() != first->directory());
    QCOMPARE(second->fingerprint(), (*snapshot)->fingerprint());
    QCOMPARE(slurp(second->directory() / "ld.so.cache"), std::string("new-cache-bytes"));
}

void TestEtcSnapshot::holdsTheCopyWithinTheRecheck()
{
    auto snapshot = EtcSnapshot::create(options(std::chrono::hours(1)));
    QVERIFY(snapshot.ok());
    const auto first = *(*snapshot)->current();
    write(m_etc / "ld.so.cache", "new-cache-bytes", kPublic);
    QCOMPARE((*(*snapshot)->current())->directory(), first->directory());
    QVERIFY(first->fingerprint() != (*snapshot)->fingerprint());
}

void TestEtcSnapshot::supersededCopyLivesWhileHeld()
{
    auto snapshot = EtcSnapshot::create(options());
    QVERIFY(snapshot.ok());
    auto held = *(*snapshot)->current();
    const fs::path old = held->directory();
    write(m_etc / "perl/open.pm", "perl, changed", kPublic);
    const auto fresh = *(*snapshot)->current();
    QVERIFY(fresh->directory() != old);
    QVERIFY(fs::exists(old / "perl/open.pm")); // a run still uses it
    held.reset();
    QVERIFY(!fs::exists(old));
    QVERIFY(fs::exists(fresh->directory() / "perl/open.pm"));
}

void TestEtcSnapshot::restartReusesTheCopyAndRemovesStrays()
{
    fs::path kept;
    {
        auto snapshot = EtcSnapshot::create(options());
        QVERIFY(snapshot.ok());
        kept = (*(*snapshot)->current())->directory();
    }
    QVERIFY(fs::exists(kept)); // a data-directory root outlives the process
    fs::create_directories(m_root / ".tmp-crashed/ssl");
    fs::create_directories(m_root / "0123456789abcdef");
    auto again = EtcSnapshot::create(options());
    QVERIFY(again.ok());
    QCOMPARE((*(*again)->current())->directory(), kept);
    QVERIFY(!fs::exists(m_root / ".tmp-crashed"));
    QVERIFY(!fs::exists(m_root / "0123456789abcdef"));
    struct stat st;
    QCOMPARE(stat(m_root.c_str(), &st), 0);
    QCOMPARE(st.st_mode & 07777, 0700u);
}

void TestEtcSnapshot::privateRootIsRemoved()
{
    auto options = this->options();
    options.root.clear();
    fs::path root;
    {
        auto snapshot = EtcSnapshot::create(options);
        QVERIFY(snapshot.ok());
        root = (*snapshot)->root();
        QVERIFY(root.filename().string().starts_with("builder-sandbox-etc-"));
        QVERIFY(fs::exists((*(*snapshot)->current())->directory() / "ld.so.cache"));
    }
    QVERIFY(!root.empty());
    QVERIFY(!fs::exists(root));
}

QTEST_GUILESS_MAIN(TestEtcSnapshot)
#include "test_etc_snapshot.moc"
