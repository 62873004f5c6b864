// A mirror of a repository on the local disk starts from the source's object files
// (hard links, copies across file systems) instead of a pack libgit2 builds in
// process; sources that do not keep all their objects themselves are fetched as
// before. Real repositories made with the git CLI.
#include "TestRepos.h"
#include "git/MirrorCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::git::MirrorCache;
using builder::git::TransferProgress;

namespace {

TestRepos::Files manyFiles(int count)
{
    TestRepos::Files files;
    for (int i = 0; i < count; ++i) {
        files.insert(QString("src/part%1/file%2.c").arg(i % 9).arg(i),
                     QByteArray("int value") + QByteArray::number(i) + " = " +
                         QByteArray::number(i * 7) + ";\n");
    }
    return files;
}

struct FileId
{
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileId& other) const
    {
        return device == other.device && inode == other.inode;
    }
};

FileId idOf(const QString& path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return {};
    }
    return {st.st_dev, st.st_ino};
}

QStringList packsOf(const QString& gitDir)
{
    return QDir(gitDir + "/objects/pack").entryList({"pack-*.pack"}, QDir::Files, QDir::Name);
}

// Every file of objects/ (relative paths), loose objects and packs alike.
QStringList objectFiles(const QString& gitDir)
{
    QStringList out;
    const QDir objects(gitDir + "/objects");
    for (const QString& folder : objects.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QString& file : QDir(objects.filePath(folder)).entryList(QDir::Files)) {
            out << folder + "/" + file;
        }
    }
    return out;
}

// True when some object file of mirror is the same file as one of source.
bool sharesAnyObjectFile(const QString& mirror, const QString& source)
{
    for (const QString& file : objectFiles(mirror)) {
        const FileId id = idOf(mirror + "/objects/" + file);
        if (id.inode != 0 && id == idOf(source + "/objects/" + file)) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestLocalClone : public QObject
{
    Q_OBJECT

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // A remote with a pack (the initial push), loose objects (a small push) and an
    // annotated tag.
    bool packedAndLooseRemote(const QString& name, QString* head)
    {
        return m_repos.createRemote(name, manyFiles(150)) &&
               m_repos.pushCommit(name, "main", {{"README.md", "readme\n"}}, {}, "docs", head) &&
               m_repos.git().run(
                   {"--git-dir=" + path(name), "tag", "-a", "-m", "release one", "v1", "main"});
    }
    // The mirror is complete and consistent by git's own check.
    void verifyMirror(const QString& mirror, const QString& source)
    {
        QVERIFY2(!m_repos.gitIn(mirror, {"fsck", "--full", "--no-dangling"}).isNull(),
                 qPrintable(mirror));
        for (const char* ref : {"refs/heads/main", "refs/tags/v1"}) {
            QCOMPARE(m_repos.revParse(mirror, ref), m_repos.revParse(source, ref));
        }
        const QByteArray config = TestRepos::readFile(mirror + "/config");
        QVERIFY2(!config.contains("[remote"), config.constData());
        QVERIFY(!QFile::exists(mirror + "/FETCH_HEAD"));
        QVERIFY(!QFile::exists(mirror + "/objects/info/alternates"));
    }

    QTemporaryDir m_dir;
    TestRepos m_repos{m_dir.path()};

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", path("home").toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
    }

    void cloneSharesTheSourcesObjectFiles_data()
    {
        QTest::addColumn<bool>("fileUrl");
        QTest::addColumn<bool>("workTree");
        QTest::addRow("path") << false << false;
        QTest::addRow("file URL") << true << false;
        QTest::addRow("work tree") << false << true;
    }

    void cloneSharesTheSourcesObjectFiles()
    {
        QFETCH(bool, fileUrl);
        QFETCH(bool, workTree);
        const QString name = QString("shared-%1-%2.git").arg(fileUrl).arg(workTree);
        QString head;
        QVERIFY(packedAndLooseRemote(name, &head));
        QString source = path(name);
        if (workTree) {
            // A repository with a work tree; its objects live in .git/objects.
            QVERIFY(m_repos.git().run({"clone", "--quiet", "--no-local", source, source + "-wt"}));
            QVERIFY(m_repos.git().run(
                {"-C", source + "-wt", "fetch", "--quiet", "origin", "refs/tags/v1:refs/tags/v1"}));
            source += "-wt";
        }
        const QString objects = workTree ? source + "/.git" : source;
        QVERIFY(!packsOf(objects).isEmpty());
        MirrorCache cache(path("mirrors-" + name).toStdString());
        TransferProgress last;
        int reports = 0;

        const auto status =
            cache.ensure("repo", ((fileUrl ? "file://" : "") + source).toStdString(), {},
                         CancelToken(), [&](const TransferProgress& progress) {
                             ++reports;
                             last = progress;
                         });

        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        QVERIFY(status->cloned);
        const QString mirror = QString::fromStdString(status->path);
        verifyMirror(mirror, source);
        QCOMPARE(m_repos.revParse(mirror, "refs/heads/main"), head);
        // The pack is the source's file, not one libgit2 built.
        QCOMPARE(packsOf(mirror), packsOf(objects));
        const QString pack = "/objects/pack/" + packsOf(objects).first();
        QVERIFY(idOf(mirror + pack) == idOf(objects + pack));
        QVERIFY(reports > 0);
        QVERIFY(last.totalObjects > 150);
        QCOMPARE(last.receivedObjects, last.totalObjects);
    }

    void seededMirrorFetchesAndPrunes()
    {
        QVERIFY(packedAndLooseRemote("prune.git", nullptr));
        QVERIFY(m_repos.pushCommit("prune.git", "topic", {{"t.txt", "t\n"}}, {}, "topic"));
        MirrorCache cache(path("mirrors-prune").toStdString());
        const std::string url = path("prune.git").toStdString();
        QVERIFY(cache.ensure("repo", url, {}, CancelToken()).ok());
        QString next;
        QVERIFY(m_repos.pushCommit("prune.git", "main", {{"b.txt", "b\n"}}, {}, "next", &next));
        QVERIFY(m_repos.git().run({"--git-dir=" + path("prune.git"), "branch", "-D", "topic"}));

        const auto fetched = cache.ensure("repo", url, {}, CancelToken());

        QVERIFY(fetched.ok());
        QVERIFY(!fetched->cloned);
        const QString mirror = QString::fromStdString(fetched->path);
        QCOMPARE(m_repos.revParse(mirror, "refs/heads/main"), next);
        QVERIFY(m_repos.revParse(mirror, "refs/heads/topic").isEmpty());
        verifyMirror(mirror, path("prune.git"));
    }

    // Objects the source only borrows must be transferred, not linked.
    void sourceWithAlternatesIsFetched()
    {
        QVERIFY(packedAndLooseRemote("lender.git", nullptr));
        QVERIFY(m_repos.git().run(
            {"clone", "--quiet", "--bare", "--shared", path("lender.git"), path("borrower.git")}));
        QVERIFY(QFile::exists(path("borrower.git/objects/info/alternates")));
        MirrorCache cache(path("mirrors-borrower").toStdString());

        const auto status =
            cache.ensure("repo", path("borrower.git").toStdString(), {}, CancelToken());

        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        const QString mirror = QString::fromStdString(status->path);
        verifyMirror(mirror, path("borrower.git"));
        QVERIFY(!sharesAnyObjectFile(mirror, path("lender.git")));
    }

    // A partial clone lacks objects on purpose; a pack without its index is still
    // being written. Neither is taken over.
    void partialCloneAndUnfinishedPacksAreNotTaken()
    {
        QVERIFY(packedAndLooseRemote("partial.git", nullptr));
        const QString pack = path("partial.git/objects/pack/") + packsOf(path("partial.git"))[0];
        QString promisor = pack;
        promisor.replace(".pack", ".promisor");
        QVERIFY(TestRepos::writeFile(promisor, ""));
        QVERIFY(packedAndLooseRemote("unfinished.git", nullptr));
        const QString unfinished =
            path("unfinished.git/objects/pack/pack-") + QString(40, '0') + ".pack";
        QVERIFY(TestRepos::writeFile(unfinished, "PACK half written"));

        MirrorCache cache(path("mirrors-partial").toStdString());
        const auto partial =
            cache.ensure("partial", path("partial.git").toStdString(), {}, CancelToken());
        const auto withUnfinished =
            cache.ensure("unfinished", path("unfinished.git").toStdString(), {}, CancelToken());

        QVERIFY(partial.ok());
        QVERIFY(!sharesAnyObjectFile(QString::fromStdString(partial->path), path("partial.git")));
        QVERIFY(withUnfinished.ok());
        const QString mirror = QString::fromStdString(withUnfinished->path);
        verifyMirror(mirror, path("unfinished.git"));
        QVERIFY(!packsOf(mirror).contains(QFileInfo(unfinished).fileName()));
        QVERIFY(sharesAnyObjectFile(mirror, path("unfinished.git")));
    }

    // The source's owner decides what its object folder holds: a link out of it is
    // neither linked nor copied, so nothing it points at lands in the mirror.
    void symbolicLinksInTheSourceAreNotFollowed()
    {
        QVERIFY(packedAndLooseRemote("links.git", nullptr));
        const QByteArray secret = "SECRET-0f-the-h0st-7c1d";
        QVERIFY(TestRepos::writeFile(path("outside/secret.txt"), secret));
        const QString stem = path("links.git/objects/pack/pack-") + QString(40, '1');
        QVERIFY(TestRepos::writeFile(stem + ".pack", "PACK"));
        QVERIFY(QFile::link(path("outside/secret.txt"), stem + ".idx"));
        QVERIFY(QDir().mkpath(path("links.git/objects/ab")));
        QVERIFY(QFile::link(path("outside/secret.txt"),
                            path("links.git/objects/ab/") + QString(38, 'c')));
        MirrorCache cache(path("mirrors-links").toStdString());

        const auto status =
            cache.ensure("links", path("links.git").toStdString(), {}, CancelToken());

        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        const QString mirror = QString::fromStdString(status->path);
        verifyMirror(mirror, path("links.git"));
        QVERIFY(TestRepos::filesContaining(mirror, secret).isEmpty());
        QVERIFY(
            !QFileInfo::exists(mirror + "/objects/pack/" + QFileInfo(stem).fileName() + ".idx"));
    }

    void acrossFileSystemsObjectsAreCopied()
    {
        QTemporaryDir elsewhere("/dev/shm/builder-local-clone-XXXXXX");
        if (!elsewhere.isValid() || idOf(elsewhere.path()).device == idOf(m_dir.path()).device) {
            QSKIP("no second file system (/dev/shm) to clone across");
        }
        TestRepos other(elsewhere.path());
        QVERIFY(other.createRemote("far.git", manyFiles(120)));
        QVERIFY(other.git().run(
            {"--git-dir=" + other.path("far.git"), "tag", "-a", "-m", "one", "v1", "main"}));
        MirrorCache cache(path("mirrors-far").toStdString());

        const auto status =
            cache.ensure("far", other.path("far.git").toStdString(), {}, CancelToken());

        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        const QString mirror = QString::fromStdString(status->path);
        verifyMirror(mirror, other.path("far.git"));
        QCOMPARE(packsOf(mirror), packsOf(other.path("far.git")));
    }

    void cancelWhileSeedingLeavesNothing()
    {
        QVERIFY(packedAndLooseRemote("cancel.git", nullptr));
        const QString root = path("mirrors-cancel");
        MirrorCache cache(root.toStdString());
        CancelToken token;

        const auto status = cache.ensure("cancel", path("cancel.git").toStdString(), {}, token,
                                         [&](const TransferProgress&) { token.cancel(); });

        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), StatusCode::Cancelled);
        QVERIFY2(
            QDir(root).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty(),
            "no half-seeded mirror is left behind");
    }
};

QTEST_GUILESS_MAIN(TestLocalClone)
#include "test_local_clone.moc"
