// The repository map and the scan: git-tracked listing (untracked and ignored
// files never appear), the .gitignore-aware walk of plain folders, binary and
// large files kept in the map but not indexed, and the blob cache.
#include "LocalizeFixture.h"

#include "git/TrackedFiles.h"
#include "localize/Localizer.h"
#include "localize/RepositoryMap.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace builder;
using namespace builder::localize;

namespace {

QStringList pathsOf(const RepositoryMap& map)
{
    QStringList paths;
    for (const auto& file : map.files())
        paths << QString::fromStdString(file.path);
    return paths;
}

const RankedFile* find(const Ranking& ranking, const std::string& path)
{
    for (const auto& file : ranking.files) {
        if (file.path == path)
            return &file;
    }
    return nullptr;
}

} // namespace

class TestLocalizeRepository : public QObject
{
    Q_OBJECT

private slots:
    void gitTrackedOnly();
    void gitIndexStatData();
    void plainFolderHonoursGitignore();
    void binaryAndLargeFilesKeptButNotIndexed();
    void cacheGivesSameResultAndSkipsReading();
    void cacheNoticesChangedFiles();
    void cacheScopeSharesOneCacheAcrossWorkTrees();
    void notARepository();
};

void TestLocalizeRepository::gitTrackedOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(LocalizeFixture::write(root, "src/main.cpp", "int main() {}\n"));
    QVERIFY(LocalizeFixture::write(root, "src/util.py", "def helper():\n    pass\n"));
    QVERIFY(LocalizeFixture::write(root, ".gitignore", "build/\n*.log\n"));
    QVERIFY(LocalizeFixture::git(root, {"init", "-q", "."}));
    QVERIFY(LocalizeFixture::git(root, {"add", "-A"}));
    QVERIFY(LocalizeFixture::git(root, {"commit", "-q", "-m", "init"}));
    // After the commit: untracked, ignored, and one ignored file force-added.
    QVERIFY(LocalizeFixture::write(root, "src/untracked.cpp", "int x;\n"));
    QVERIFY(LocalizeFixture::write(root, "build/out.o", "binary"));
    QVERIFY(LocalizeFixture::write(root, "debug.log", "log"));
    QVERIFY(LocalizeFixture::write(root, "kept.log", "log"));
    QVERIFY(LocalizeFixture::git(root, {"add", "-f", "kept.log"}));

    auto map = RepositoryMap::build(root.toStdString());
    QVERIFY2(map.ok(), map.ok() ? "" : map.error().message().c_str());
    QVERIFY(map->isGit());
    QCOMPARE(pathsOf(*map), (QStringList{".gitignore", "kept.log", "src/main.cpp", "src/util.py"}));
    QCOMPARE(map->files()[2].language, Language::Cpp);
    QCOMPARE(map->files()[3].language, Language::Python);
    QCOMPARE(map->files()[2].blobId.size(), std::size_t{40});
    QCOMPARE(map->languageCounts().at("cpp"), std::size_t{1});
}

void TestLocalizeRepository::gitIndexStatData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(LocalizeFixture::write(root, "a.txt", "hello\n"));
    QVERIFY(LocalizeFixture::git(root, {"init", "-q", "."}));
    QVERIFY(LocalizeFixture::git(root, {"add", "a.txt"}));
    QVERIFY(git::TrackedFiles::isWorkTree(root.toStdString()));
    QVERIFY(!git::TrackedFiles::isWorkTree((root + "/missing").toStdString()));
    auto list = git::TrackedFiles::list(root.toStdString());
    QVERIFY(list.ok());
    QCOMPARE(list->files.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(list->files[0].path), QString("a.txt"));
    QCOMPARE(list->files[0].size, std::uint64_t{6});
    QVERIFY(list->files[0].isRegularFile());
    // `git hash-object` of "hello\n"
    QCOMPARE(QString::fromStdString(list->files[0].blobId),
             QString("ce013625030ba8dba906f756967f9e9ca394464a"));
    QVERIFY(list->indexMtimeSeconds > 0);

    QTemporaryDir plain;
    auto notGit = git::TrackedFiles::list(plain.path().toStdString());
    QVERIFY(!notGit.ok());
    QCOMPARE(notGit.error().code(), common::StatusCode::FailedPrecondition);
    auto missing = git::TrackedFiles::list((plain.path() + "/nope").toStdString());
    QCOMPARE(missing.error().code(), common::StatusCode::NotFound);
}

void TestLocalizeRepository::plainFolderHonoursGitignore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(LocalizeFixture::write(root, ".gitignore", "*.tmp\n/out/\nnode_modules/\n!keep.tmp\n"));
    QVERIFY(LocalizeFixture::write(root, "a.tmp", "x"));
    QVERIFY(LocalizeFixture::write(root, "keep.tmp", "x"));
    QVERIFY(LocalizeFixture::write(root, "out/result.txt", "x"));
    QVERIFY(LocalizeFixture::write(root, "src/out/inner.txt", "x")); // "/out/" is anchored
    QVERIFY(LocalizeFixture::write(root, "web/node_modules/lib/index.js", "x"));
    QVERIFY(LocalizeFixture::write(root, "src/.gitignore", "generated.*\n"));
    QVERIFY(LocalizeFixture::write(root, "src/generated.cpp", "x"));
    QVERIFY(LocalizeFixture::write(root, "src/main.cpp", "x"));
    QVERIFY(LocalizeFixture::write(root, "other/generated.cpp", "x")); // src's rules stay in src
    QVERIFY(LocalizeFixture::write(root, ".git/config", "not a repository, but never listed"));
    QVERIFY(::symlink("src/main.cpp", (root + "/link.cpp").toLocal8Bit().constData()) == 0);

    auto map = RepositoryMap::build(root.toStdString());
    QVERIFY(map.ok());
    QVERIFY(!map->isGit());
    QCOMPARE(pathsOf(*map),
             (QStringList{".gitignore", "keep.tmp", "link.cpp", "other/generated.cpp",
                          "src/.gitignore", "src/main.cpp", "src/out/inner.txt"}));
    QVERIFY(map->files()[2].symlink);
}

void TestLocalizeRepository::binaryAndLargeFilesKeptButNotIndexed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QByteArray binary("limiter token ");
    binary.append('\0');
    binary.append("limiter limiter");
    QVERIFY(LocalizeFixture::write(root, "assets/limiter.bin", binary));
    QVERIFY(LocalizeFixture::write(root, "big/limiter_dump.txt",
                                   QByteArray(4096, 'a') + " limiter limiter\n"));
    QVERIFY(LocalizeFixture::write(root, "src/limiter.cpp", "int limiter();\n"));

    LocalizeRequest request;
    request.root = root.toStdString();
    request.query = "limiter";
    request.maxFileBytes = 1024;
    request.symbols = SymbolSource::Builtin;
    auto result = Localizer::localize(request);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
    QCOMPARE(result->ranking.totalFiles, std::size_t{3});
    QCOMPARE(result->ranking.indexedFiles, std::size_t{1});
    QCOMPARE(result->skipped.at("binary"), std::size_t{1});
    QCOMPARE(result->skipped.at("too_large"), std::size_t{1});
    // Still ranked by their paths, below the file whose content and symbols match.
    QCOMPARE(result->ranking.files.size(), std::size_t{3});
    QCOMPARE(QString::fromStdString(result->ranking.files[0].path), QString("src/limiter.cpp"));
    const auto* bin = find(result->ranking, "assets/limiter.bin");
    QVERIFY(bin != nullptr);
    QCOMPARE(bin->status, ContentStatus::Binary);
    QVERIFY(bin->matchedSymbols.empty());
}

void TestLocalizeRepository::cacheGivesSameResultAndSkipsReading()
{
    QTemporaryDir dir;
    QTemporaryDir cache;
    QVERIFY(dir.isValid() && cache.isValid());
    const QString root = dir.path();
    QVERIFY(LocalizeFixture::writeServiceTree(root));
    QVERIFY(LocalizeFixture::git(root, {"init", "-q", "."}));
    QVERIFY(LocalizeFixture::git(root, {"add", "-A"}));
    QVERIFY(LocalizeFixture::git(root, {"commit", "-q", "-m", "init"}));

    LocalizeRequest request;
    request.root = root.toStdString();
    request.query = "Add rate limiting to the RateLimiter: refill tokens per client";
    request.symbols = SymbolSource::Builtin;
    auto plain = Localizer::localize(request);
    QVERIFY(plain.ok());
    request.cacheDir = cache.path().toStdString();
    auto cold = Localizer::localize(request);
    auto warm = Localizer::localize(request);
    QVERIFY(cold.ok() && warm.ok());
    QCOMPARE(cold->cacheHits, std::size_t{0});
    QCOMPARE(cold->cacheMisses, cold->ranking.totalFiles);
    QCOMPARE(warm->cacheHits, warm->ranking.totalFiles);
    QCOMPARE(warm->cacheMisses, std::size_t{0});
    QCOMPARE(warm->timings.scan.readThreadMs, 0.0);
    for (const auto* other : {&cold, &warm}) {
        QCOMPARE((*other)->ranking.files.size(), plain->ranking.files.size());
        for (std::size_t i = 0; i < plain->ranking.files.size(); ++i) {
            const auto& a = plain->ranking.files[i];
            const auto& b = (*other)->ranking.files[i];
            QCOMPARE(b.path, a.path);
            QCOMPARE(b.score, a.score);
            QCOMPARE(b.matchedSymbols, a.matchedSymbols);
            QCOMPARE(b.matchedTerms, a.matchedTerms);
        }
    }
    QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 1);
}

void TestLocalizeRepository::cacheNoticesChangedFiles()
{
    QTemporaryDir dir;
    QTemporaryDir cache;
    const QString root = dir.path();
    QVERIFY(LocalizeFixture::writeServiceTree(root));
    LocalizeRequest request;
    request.root = root.toStdString();
    request.query = "throttle";
    request.cacheDir = cache.path().toStdString();
    request.symbols = SymbolSource::Builtin;
    auto before = Localizer::localize(request);
    QVERIFY(before.ok());
    QVERIFY(before->ranking.files.empty());
    // Same size class, new content: the path/size/mtime key changes with it.
    QVERIFY(LocalizeFixture::write(root, "gateway/Router.cpp",
                                   "// Routes and throttles requests.\nvoid throttle();\n"));
    auto after = Localizer::localize(request);
    QVERIFY(after.ok());
    QCOMPARE(after->cacheMisses, std::size_t{1});
    QCOMPARE(after->ranking.files.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(after->ranking.files[0].path), QString("gateway/Router.cpp"));
    QCOMPARE(QString::fromStdString(after->ranking.files[0].matchedSymbols.at(0).name),
             QString("throttle"));
}

namespace {

// Makes every tracked file of a work tree provably clean for the index (git's
// racy-clean rule): older than the index, which records their new stat data.
bool settle(const QString& root)
{
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains("/.git/"))
            continue;
        QFile f(file);
        if (!f.open(QIODevice::ReadWrite) ||
            !f.setFileTime(past, QFileDevice::FileModificationTime))
            return false;
    }
    return LocalizeFixture::git(root, {"update-index", "-q", "--really-refresh"});
}

} // namespace

// The pipeline checks a repository out anew for each execution: with one scope the
// second work tree finds the first one's facts (keyed by blob id), and the cache
// folder keeps one file for the repository.
void TestLocalizeRepository::cacheScopeSharesOneCacheAcrossWorkTrees()
{
    QTemporaryDir dir;
    QTemporaryDir cache;
    QVERIFY(dir.isValid() && cache.isValid());
    const QString first = dir.path() + "/first";
    const QString second = dir.path() + "/second";
    QVERIFY(LocalizeFixture::writeServiceTree(first));
    QVERIFY(LocalizeFixture::git(first, {"init", "-q", "."}));
    QVERIFY(LocalizeFixture::git(first, {"add", "-A"}));
    QVERIFY(LocalizeFixture::git(first, {"commit", "-q", "-m", "init"}));
    QVERIFY(LocalizeFixture::git(dir.path(), {"clone", "-q", first, second}));
    QVERIFY(settle(first) && settle(second));

    LocalizeRequest request;
    request.query = "Add rate limiting to the RateLimiter: refill tokens per client";
    request.symbols = SymbolSource::Builtin;
    request.cacheDir = cache.path().toStdString();
    request.cacheScope = "repository-1";
    request.root = first.toStdString();
    auto cold = Localizer::localize(request);
    request.root = second.toStdString();
    auto shared = Localizer::localize(request);
    request.cacheScope.clear();
    auto unscoped = Localizer::localize(request);

    QVERIFY(cold.ok() && shared.ok() && unscoped.ok());
    QCOMPARE(cold->cacheHits, std::size_t{0});
    QCOMPARE(shared->cacheHits, shared->ranking.totalFiles);
    QCOMPARE(shared->cacheMisses, std::size_t{0});
    QCOMPARE(shared->ranking.files.size(), cold->ranking.files.size());
    for (std::size_t i = 0; i < cold->ranking.files.size(); ++i) {
        QCOMPARE(shared->ranking.files[i].path, cold->ranking.files[i].path);
        QCOMPARE(shared->ranking.files[i].score, cold->ranking.files[i].score);
    }
    // Without a scope the root names the cache: a second file, all misses.
    QCOMPARE(unscoped->cacheHits, std::size_t{0});
    QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 2);
}

void TestLocalizeRepository::notARepository()
{
    LocalizeRequest request;
    request.root = "/nonexistent/builder/localize/repo";
    request.query = "anything";
    auto result = Localizer::localize(request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), common::StatusCode::NotFound);
    QVERIFY(QString::fromStdString(result.error().message()).contains(request.root.c_str()));
}

QTEST_GUILESS_MAIN(TestLocalizeRepository)
#include "test_localize_repository.moc"
