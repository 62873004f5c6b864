// Workspace diffs and history on real repositories: unified diffs checked with
// `git apply`, patch series with `git am`, stats, ranges, file reads, SHA checks.
#include "WorkspaceTestCase.h"
#include "git/Workspace.h"

#include <QTest>

using builder::common::StatusCode;
using builder::git::FileDiffStat;
using builder::git::Signature;
using builder::git::Workspace;

class TestWorkspaceDiff : public WorkspaceTestCase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fixture.setUp());
        m_mirror = m_fixture.mirror();
        m_baseSha = m_fixture.baseSha();
        QVERIFY(m_fixture.create("create").ok());
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
};

QTEST_GUILESS_MAIN(TestWorkspaceDiff)
#include "test_workspace_diff.moc"
