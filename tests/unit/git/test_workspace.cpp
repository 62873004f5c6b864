// Workspace on real repositories: creation from a mirror branch, commitAll with
// every kind of change, diffs and patch series checked by the real git CLI
// (`git apply --check`, `git am`), history, file reads and resets.
#include "TestRepos.h"
#include "git/MirrorCache.h"
#include "git/Workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::git::FileDiffStat;
using builder::git::MirrorCache;
using builder::git::Signature;
using builder::git::Workspace;

namespace {

const Signature kBot{"Builder Bot", "bot@builder.invalid"};

const QByteArray kBinary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01\x02\x03", 20);

TestRepos::Files baseFiles()
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

QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    std::string mirror() const { return m_mirror; }

    Workspace create(const QString& name, const std::string& base = "main")
    {
        auto ws = Workspace::create(m_mirror, path(name).toStdString(),
                                    "builder/" + name.toStdString(), base);
        if (!ws.ok()) {
            qFatal("cannot create workspace %s: %s", qPrintable(name),
                   ws.error().message().c_str());
        }
        return std::move(ws).value();
    }

    // A fresh clone of the remote at the base commit, for the CLI to apply to.
    QString freshClone(const QString& name)
    {
        const QString dir = path(name);
        if (!m_repos.git().run({"clone", "--quiet", path("remote.git"), dir}) ||
            !m_repos.git().run({"-C", dir, "checkout", "--quiet", "--detach", m_baseSha})) {
            return {};
        }
        return dir;
    }

    // The standard step: modify, add, delete, rename, plus ignored output.
    static void makeStepChanges(const QString& ws)
    {
        TestRepos::writeFile(ws + "/src/main.cpp",
                             "#include \"new.h\"\nint main()\n{\n    run();\n    return 0;\n}\n");
        TestRepos::writeFile(ws + "/src/new.cpp", "void run()\n{\n}\n");
        QFile::remove(ws + "/docs/old.txt");
        QDir().mkpath(ws + "/lib");
        QDir().rename(ws + "/src/util.cpp", ws + "/lib/util.cpp");
        TestRepos::writeFile(ws + "/build/out.o", "object code");
        TestRepos::writeFile(ws + "/app.log", "log line");
    }

    QTemporaryDir m_dir;
    TestRepos m_repos{m_dir.path()};
    std::string m_mirror;
    QString m_baseSha;
    int m_identityRuns = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", path("home").toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
        QVERIFY(m_repos.createRemote("remote.git", baseFiles(), &m_baseSha));
        QVERIFY(m_repos.pushCommit("remote.git", "release", {{"RELEASE", "1.0\n"}}, {}, "release"));
        MirrorCache cache(path("mirrors").toStdString());
        const auto status =
            cache.ensure("repo", path("remote.git").toStdString(), {}, CancelToken());
        QVERIFY(status.ok());
        m_mirror = status->path;
    }

    void createsBranchFromBase()
    {
        Workspace ws = create("create");
        const QString dir = path("create");

        QCOMPARE(ws.branch(), std::string("builder/create"));
        QCOMPARE(str(ws.headSha().value()), m_baseSha);
        QCOMPARE(str(ws.baseSha().value()), m_baseSha);
        QCOMPARE(m_repos.gitIn(dir, {"rev-parse", "--abbrev-ref", "HEAD"}),
                 QString("builder/create"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));
        QCOMPARE(TestRepos::readFile(dir + "/src/main.cpp"), baseFiles().value("src/main.cpp"));
        QCOMPARE(TestRepos::readFile(dir + "/image.bin"), kBinary);
        // No remote, no credential: just core settings and the borrowed objects.
        const QByteArray config = TestRepos::readFile(dir + "/.git/config");
        QVERIFY2(!config.contains("[remote"), config.constData());
        QVERIFY2(!config.contains("url"), config.constData());
        QVERIFY(TestRepos::readFile(dir + "/.git/objects/info/alternates")
                    .startsWith(QDir(QString::fromStdString(m_mirror)).absolutePath().toUtf8()));
        // No scratch directory left next to it.
        QCOMPARE(
            QDir(m_dir.path()).entryList({".create.partial-*"}, QDir::AllEntries | QDir::Hidden),
            QStringList());
    }

    void createsFromOtherBranchOrCommit()
    {
        Workspace release = create("from-release", "release");
        QVERIFY(QFile::exists(path("from-release/RELEASE")));
        QCOMPARE(str(release.baseSha().value()),
                 m_repos.revParse(QString::fromStdString(m_mirror), "refs/heads/release"));

        Workspace pinned = create("from-sha", m_baseSha.toStdString());
        QCOMPARE(str(pinned.headSha().value()), m_baseSha);
        QVERIFY(!QFile::exists(path("from-sha/RELEASE")));
    }

    void createRejectsBadInput_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("base");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("missing base") << "bad-base"
                                      << "builder/x"
                                      << "nope" << int(StatusCode::NotFound) << "'nope'";
        QTest::addRow("unknown sha") << "bad-sha"
                                     << "builder/x"
                                     << "0123456789012345678901234567890123456789"
                                     << int(StatusCode::NotFound) << "0123456789";
        QTest::addRow("bad branch") << "bad-branch"
                                    << "feature..x"
                                    << "main" << int(StatusCode::InvalidArgument) << "branch_name";
        QTest::addRow("existing dir")
            << "create"
            << "builder/y"
            << "main" << int(StatusCode::AlreadyExists) << "already exists";
    }
    void createRejectsBadInput()
    {
        QFETCH(QString, dir);
        QFETCH(QString, branch);
        QFETCH(QString, base);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        if (dir == "create" && !QFile::exists(path("create"))) {
            QVERIFY(QDir().mkpath(path("create/occupied")));
        }
        const bool existed = QFile::exists(path(dir));

        const auto ws = Workspace::create(m_mirror, path(dir).toStdString(), branch.toStdString(),
                                          base.toStdString());

        QVERIFY(!ws.ok());
        QCOMPARE(int(ws.error().code()), code);
        QVERIFY2(str(ws.error().message()).contains(mentions), ws.error().message().c_str());
        QCOMPARE(QFile::exists(path(dir)), existed);
    }

    void missingMirrorIsNotFound()
    {
        const auto ws = Workspace::create(path("no-mirror.git").toStdString(),
                                          path("ws-no-mirror").toStdString(), "b", "main");
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code(), StatusCode::NotFound);
    }

    void commitAllStagesEveryKindOfChange()
    {
        Workspace ws = create("commit");
        const QString dir = path("commit");
        makeStepChanges(dir);

        const auto info = ws.commitAll("Step 1: add run()  \n\nDetails.\n\n", kBot);

        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message().c_str());
        QCOMPARE(info->filesChanged, 4);
        QCOMPARE(info->additions, 5);
        QCOMPARE(info->deletions, 2);
        QCOMPARE(str(info->sha), m_repos.revParse(dir, "HEAD"));
        QCOMPARE(str(ws.headSha().value()), str(info->sha));
        QCOMPARE(m_repos.revParse(dir, "HEAD~1"), m_baseSha);
        QCOMPARE(m_repos.revParse(dir, "refs/heads/builder/commit"), str(info->sha));
        // The CLI agrees on the counts (it detects renames by default too).
        QCOMPARE(m_repos.gitIn(dir, {"show", "--shortstat", "--format=", "HEAD"}),
                 QString("4 files changed, 5 insertions(+), 2 deletions(-)"));
        QCOMPARE(m_repos.gitIn(dir, {"log", "-1", "--format=%an <%ae>|%cn <%ce>|%B"}),
                 QString("Builder Bot <bot@builder.invalid>|Builder Bot "
                         "<bot@builder.invalid>|Step 1: add run()\n\nDetails."));
        const QString tracked = m_repos.gitIn(dir, {"ls-files"});
        QVERIFY(tracked.contains("lib/util.cpp"));
        QVERIFY(tracked.contains("src/new.cpp"));
        QVERIFY(!tracked.contains("src/util.cpp"));
        QVERIFY(!tracked.contains("docs/old.txt"));
        QVERIFY(!tracked.contains("build/"));
        QVERIFY(!tracked.contains("app.log"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));

        const auto paths = ws.trackedFiles();
        QVERIFY(paths.ok());
        QStringList ours;
        for (const auto& p : *paths) {
            ours << str(p);
        }
        QCOMPARE(ours.join('\n'), tracked);
    }

    void nothingToCommit()
    {
        Workspace ws = create("nothing");
        TestRepos::writeFile(path("nothing/build/ignored.o"), "ignored");

        const auto info = ws.commitAll("empty", kBot);

        QVERIFY(!info.ok());
        QCOMPARE(info.error().code(), StatusCode::FailedPrecondition);
        QVERIFY2(str(info.error().message()).contains("nothing to commit"),
                 info.error().message().c_str());
        QCOMPARE(str(ws.headSha().value()), m_baseSha);
    }

    void commitAllRejectsBadIdentity_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("field");
        QTest::addRow("blank message") << "  \n"
                                       << "Bot"
                                       << "b@x"
                                       << "message";
        QTest::addRow("empty name") << "m"
                                    << ""
                                    << "b@x"
                                    << "signature.name";
        QTest::addRow("angle in name") << "m"
                                       << "Bot <evil>"
                                       << "b@x"
                                       << "signature.name";
        QTest::addRow("newline in email") << "m"
                                          << "Bot"
                                          << "b@x\nX"
                                          << "signature.email";
    }
    void commitAllRejectsBadIdentity()
    {
        QFETCH(QString, message);
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, field);
        const QString dir = "identity-" + QString::number(++m_identityRuns);
        Workspace ws = create(dir);
        TestRepos::writeFile(path(dir + "/x.txt"), "x");

        const auto info =
            ws.commitAll(message.toStdString(), {name.toStdString(), email.toStdString()});

        QVERIFY(!info.ok());
        QCOMPARE(info.error().code(), StatusCode::InvalidArgument);
        QCOMPARE(str(info.error().violations().at(0).fieldPath), field);
    }

    void diffAppliesWithGitApply()
    {
        Workspace ws = create("diff");
        makeStepChanges(path("diff"));
        const auto info = ws.commitAll("step", kBot);
        QVERIFY(info.ok());

        const auto diff = ws.diff(m_baseSha.toStdString(), info->sha);

        QVERIFY2(diff.ok(), diff.ok() ? "" : diff.error().message().c_str());
        const QString text = str(*diff);
        QVERIFY(text.contains("diff --git a/src/main.cpp b/src/main.cpp\nindex "));
        QVERIFY(text.contains("--- a/src/main.cpp\n+++ b/src/main.cpp\n@@ -1,4 +1,6 @@"));
        QVERIFY(text.contains("new file mode 100644"));
        QVERIFY(text.contains("deleted file mode 100644"));
        QVERIFY(text.contains("rename from src/util.cpp\nrename to lib/util.cpp"));
        const QString clone = freshClone("diff-clone");
        QVERIFY(!clone.isEmpty());
        QVERIFY(TestRepos::writeFile(path("diff.patch"), diff->c_str()));
        QVERIFY(m_repos.git().run({"-C", clone, "apply", "--check", path("diff.patch")}));
        QVERIFY(m_repos.git().run({"-C", clone, "apply", "--index", path("diff.patch")}));
        QCOMPARE(m_repos.gitIn(clone, {"write-tree"}),
                 m_repos.revParse(path("diff"), "HEAD^{tree}"));
    }

    void binaryChangesAreMarked()
    {
        Workspace ws = create("binary");
        TestRepos::writeFile(path("binary/image.bin"), kBinary + QByteArray("\0\xff", 2));
        const auto info = ws.commitAll("binary", kBot);
        QVERIFY(info.ok());

        const auto diff = ws.diff(m_baseSha.toStdString(), info->sha);
        const auto stat = ws.diffStat(m_baseSha.toStdString(), info->sha);

        QVERIFY(diff.ok());
        QVERIFY2(str(*diff).contains("Binary files a/image.bin and b/image.bin differ"),
                 diff->c_str());
        QVERIFY(stat.ok());
        QCOMPARE(stat->files, 1);
        QVERIFY(stat->perFile.at(0).binary);
        QCOMPARE(stat->perFile.at(0).additions, 0);
    }

    void diffStatCountsPerFile()
    {
        Workspace ws = create("stat");
        makeStepChanges(path("stat"));
        const auto info = ws.commitAll("step", kBot);
        QVERIFY(info.ok());

        const auto stat = ws.diffStat(m_baseSha.toStdString(), info->sha);

        QVERIFY(stat.ok());
        QCOMPARE(stat->files, 4);
        QCOMPARE(stat->additions, 5);
        QCOMPARE(stat->deletions, 2);
        QCOMPARE(int(stat->perFile.size()), 4);
        for (const FileDiffStat& file : stat->perFile) {
            if (file.path == "lib/util.cpp") {
                QCOMPARE(file.change, FileDiffStat::Change::Renamed);
                QCOMPARE(file.oldPath, std::string("src/util.cpp"));
                QCOMPARE(file.additions + file.deletions, 0);
            } else if (file.path == "docs/old.txt") {
                QCOMPARE(file.change, FileDiffStat::Change::Deleted);
                QCOMPARE(file.deletions, 2);
            } else if (file.path == "src/new.cpp") {
                QCOMPARE(file.change, FileDiffStat::Change::Added);
                QCOMPARE(file.additions, 3);
            } else {
                QCOMPARE(file.path, std::string("src/main.cpp"));
                QCOMPARE(file.change, FileDiffStat::Change::Modified);
                QCOMPARE(file.additions, 2);
                QCOMPARE(file.deletions, 0);
            }
        }
    }

    void formatPatchAppliesWithGitAm()
    {
        Workspace ws = create("patch");
        makeStepChanges(path("patch"));
        const auto first = ws.commitAll("Step 1: add run()\n\nWith a body line.", kBot);
        QVERIFY(first.ok());
        TestRepos::writeFile(path("patch/image.bin"), kBinary + QByteArray("\x01\x02", 2));
        TestRepos::writeFile(path("patch/README.md"), "hello\nworld\n");
        const auto second = ws.commitAll("Step 2: binary and text", kBot);
        QVERIFY(second.ok());

        const auto series = ws.formatPatch(m_baseSha.toStdString(), second->sha);

        QVERIFY2(series.ok(), series.ok() ? "" : series.error().message().c_str());
        const QString text = str(*series);
        QVERIFY(text.startsWith("From " + str(first->sha) + " Mon Sep 17 00:00:00 2001\n"));
        QVERIFY(text.contains("\nFrom " + str(second->sha) + " Mon Sep 17 00:00:00 2001\n"));
        QVERIFY(text.contains("From: Builder Bot <bot@builder.invalid>\n"));
        QVERIFY(text.contains("Subject: [PATCH 1/2] Step 1: add run()\n"));
        QVERIFY(text.contains("Subject: [PATCH 2/2] Step 2: binary and text\n"));
        QVERIFY(text.contains("\nDate: "));
        QVERIFY(text.contains("GIT binary patch"));

        const QString clone = freshClone("patch-clone");
        QVERIFY(!clone.isEmpty());
        QVERIFY(TestRepos::writeFile(path("series.mbox"), series->c_str()));
        QVERIFY(m_repos.git().run({"-C", clone, "am", "--quiet", path("series.mbox")}));
        QCOMPARE(m_repos.revParse(clone, "HEAD^{tree}"),
                 m_repos.revParse(path("patch"), "HEAD^{tree}"));
        QCOMPARE(m_repos.gitIn(clone, {"log", "-2", "--format=%s|%an"}),
                 QString("Step 2: binary and text|Builder Bot\nStep 1: add run()|Builder Bot"));
        QCOMPARE(m_repos.gitIn(clone, {"log", "-1", "--skip=1", "--format=%b"}),
                 QString("With a body line."));
    }

    void formatPatchOfEmptyRangeIsEmpty()
    {
        Workspace ws = create("empty-range");
        const auto series = ws.formatPatch(m_baseSha.toStdString(), m_baseSha.toStdString());
        QVERIFY(series.ok());
        QVERIFY(series->empty());
    }

    void commitsBetweenListsOldestFirst()
    {
        Workspace ws = create("history");
        TestRepos::writeFile(path("history/a.txt"), "a");
        const auto a = ws.commitAll("first", kBot);
        TestRepos::writeFile(path("history/b.txt"), "b");
        const auto b = ws.commitAll("second\n\nbody", kBot);
        QVERIFY(a.ok() && b.ok());

        const auto commits = ws.commitsBetween(m_baseSha.toStdString(), b->sha);

        QVERIFY(commits.ok());
        QCOMPARE(int(commits->size()), 2);
        QCOMPARE(commits->at(0).sha, a->sha);
        QCOMPARE(commits->at(0).parents, std::vector<std::string>{m_baseSha.toStdString()});
        QCOMPARE(commits->at(0).subject, std::string("first"));
        QCOMPARE(commits->at(1).sha, b->sha);
        QCOMPARE(commits->at(1).message, std::string("second\n\nbody\n"));
        QCOMPARE(commits->at(1).authorEmail, kBot.email);
        QVERIFY(commits->at(1).authorTime > 0);
    }

    void shaArgumentsAreChecked_data()
    {
        QTest::addColumn<QString>("sha");
        QTest::addColumn<int>("code");
        QTest::addRow("short") << "abc123" << int(StatusCode::InvalidArgument);
        QTest::addRow("not hex") << QString(40, 'z') << int(StatusCode::InvalidArgument);
        QTest::addRow("unknown") << QString(40, 'a') << int(StatusCode::NotFound);
    }
    void shaArgumentsAreChecked()
    {
        QFETCH(QString, sha);
        QFETCH(int, code);
        auto ws = Workspace::open(path("create").toStdString());
        QVERIFY(ws.ok());
        const std::string base = m_baseSha.toStdString();
        QCOMPARE(int(ws->diff(sha.toStdString(), base).error().code()), code);
        QCOMPARE(int(ws->diffStat(base, sha.toStdString()).error().code()), code);
        QCOMPARE(int(ws->formatPatch(base, sha.toStdString()).error().code()), code);
        QCOMPARE(int(ws->commitsBetween(sha.toStdString(), base).error().code()), code);
        QCOMPARE(int(ws->fileAt(sha.toStdString(), "README.md").error().code()), code);
        QCOMPARE(int(ws->resetHard(sha.toStdString()).error().code()), code);
    }

    void fileAtReadsCommittedContent()
    {
        auto ws = Workspace::open(path("create").toStdString());
        QVERIFY(ws.ok());
        const std::string base = m_baseSha.toStdString();

        QCOMPARE(ws->fileAt(base, "src/main.cpp").value(),
                 baseFiles().value("src/main.cpp").toStdString());
        QCOMPARE(QByteArray::fromStdString(ws->fileAt(base, "image.bin").value()), kBinary);
        QCOMPARE(ws->fileAt(base, "missing.txt").error().code(), StatusCode::NotFound);
        QCOMPARE(ws->fileAt(base, "src").error().code(), StatusCode::FailedPrecondition);
        QCOMPARE(ws->fileAt(base, "../etc/passwd").error().code(), StatusCode::InvalidArgument);
        QCOMPARE(ws->fileAt(base, "/README.md").error().code(), StatusCode::InvalidArgument);
    }

    void resetHardDiscardsPartialWork()
    {
        Workspace ws = create("reset");
        const QString dir = path("reset");
        TestRepos::writeFile(dir + "/kept.txt", "kept");
        const auto step = ws.commitAll("good step", kBot);
        QVERIFY(step.ok());
        // A failed step: edits, a deletion, new files and folders, build output.
        TestRepos::writeFile(dir + "/README.md", "broken\n");
        QFile::remove(dir + "/src/main.cpp");
        TestRepos::writeFile(dir + "/half/done/file.cpp", "partial");
        TestRepos::writeFile(dir + "/stray.txt", "stray");
        TestRepos::writeFile(dir + "/build/cache.o", "incremental build output");

        QVERIFY(ws.resetHard(step->sha).ok());

        QCOMPARE(str(ws.headSha().value()), str(step->sha));
        QCOMPARE(TestRepos::readFile(dir + "/README.md"), QByteArray("hello\n"));
        QVERIFY(QFile::exists(dir + "/src/main.cpp"));
        QVERIFY(QFile::exists(dir + "/kept.txt"));
        QVERIFY(!QFile::exists(dir + "/stray.txt"));
        QVERIFY(!QFile::exists(dir + "/half"));
        QVERIFY(QFile::exists(dir + "/build/cache.o"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));

        // Back to the base: the step's commit goes too.
        QVERIFY(ws.resetHard(m_baseSha.toStdString()).ok());
        QCOMPARE(m_repos.revParse(dir, "refs/heads/builder/reset"), m_baseSha);
        QVERIFY(!QFile::exists(dir + "/kept.txt"));
    }

    void openFindsAnExistingWorkspace()
    {
        auto ws = Workspace::open(path("commit").toStdString());
        QVERIFY(ws.ok());
        QCOMPARE(ws->branch(), std::string("builder/commit"));
        QCOMPARE(str(ws->baseSha().value()), m_baseSha);
        QCOMPARE(str(ws->headSha().value()), m_repos.revParse(path("commit"), "HEAD"));

        QCOMPARE(Workspace::open(path("nowhere").toStdString()).error().code(),
                 StatusCode::NotFound);
        QCOMPARE(Workspace::open(m_mirror).error().code(), StatusCode::FailedPrecondition);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
