// The unified-diff parser against genuine git output (checked against git's own
// --numstat and --name-status), hand-written plain/mail/CRLF patches, malformed
// input with line-numbered errors, and random truncations that must never crash.
#include "GitDiffRepo.h"
#include "common/diff/DiffParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

#include <map>

using namespace builder::common::diff;
using builder::testing::GitDiffRepo;

namespace {

QByteArray lines(int count, const QByteArray& stem)
{
    QByteArray out;
    for (int i = 1; i <= count; ++i)
        out += stem + QByteArray::number(i) + "\n";
    return out;
}

const DiffFile* findFile(const UnifiedDiff& diff, const std::string& path)
{
    for (const auto& file : diff.files) {
        if (file.path() == path)
            return &file;
    }
    return nullptr;
}

struct GitTruth
{
    char status = '?';
    std::string oldPath;
    int additions = -1; // -1: binary
    int deletions = -1;
};

// git's machine-readable view (-z: raw names, no quoting) of the same diff.
std::map<std::string, GitTruth> gitTruth(const GitDiffRepo& repo, const QStringList& range)
{
    std::map<std::string, GitTruth> truth;
    const QList<QByteArray> status =
        repo.git(QStringList{"diff", "-M", "--name-status", "-z"} + range).split('\0');
    for (int i = 0; i + 1 < status.size();) {
        const QByteArray code = status[i];
        if (code.isEmpty())
            break;
        GitTruth t;
        t.status = code[0];
        if (t.status == 'R' || t.status == 'C') {
            t.oldPath = status[i + 1].toStdString();
            truth[status[i + 2].toStdString()] = t;
            i += 3;
        } else {
            truth[status[i + 1].toStdString()] = t;
            i += 2;
        }
    }
    const QList<QByteArray> numstat =
        repo.git(QStringList{"diff", "-M", "--numstat", "-z"} + range).split('\0');
    for (int i = 0; i < numstat.size();) {
        // "added<TAB>deleted<TAB>path": the path itself may hold tabs.
        const QByteArray& record = numstat[i];
        const int tab1 = record.indexOf('\t');
        const int tab2 = tab1 < 0 ? -1 : record.indexOf('\t', tab1 + 1);
        if (tab2 < 0)
            break;
        const QList<QByteArray> fields = {record.left(tab1), record.mid(tab1 + 1, tab2 - tab1 - 1),
                                          record.mid(tab2 + 1)};
        std::string path = fields[2].toStdString();
        int used = 1;
        if (path.empty()) { // rename: old and new follow as their own fields
            path = numstat[i + 2].toStdString();
            used = 3;
        }
        auto& t = truth[path];
        t.additions = fields[0] == "-" ? -1 : fields[0].toInt();
        t.deletions = fields[1] == "-" ? -1 : fields[1].toInt();
        i += used;
    }
    return truth;
}

} // namespace

class TestDiffParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void gitDiffMatchesGit_data();
    void gitDiffMatchesGit();
    void gitFileDetails();
    void lineNumbers();
    void handWritten_data();
    void handWritten();
    void malformed_data();
    void malformed();
    void truncationsNeverCrash();
    void randomBytesNeverCrash();
    void largeDiffIsFast();

private:
    GitDiffRepo m_repo;
    QByteArray m_diff;       // git diff -M HEAD~1 HEAD
    QByteArray m_binaryDiff; // the same with --binary
};

void TestDiffParser::initTestCase()
{
    QVERIFY(m_repo.ok());
    QByteArray twenty = lines(20, "line ");
    QVERIFY(m_repo.write("modify.txt", twenty));
    QVERIFY(m_repo.write("delete.txt", lines(5, "gone ")));
    QVERIFY(m_repo.write("rename-old.txt", lines(20, "same ")));
    QVERIFY(m_repo.write("move-edit.txt", lines(20, "moving ")));
    QVERIFY(m_repo.write("mode.sh", "#!/bin/sh\necho hi\n"));
    QVERIFY(m_repo.write("eof.txt", "first\nlast without newline"));
    QVERIFY(m_repo.write("dir with space/file name.txt", "alpha\nbeta\n"));
    QVERIFY(m_repo.write("binary.dat", QByteArray("\x00\x01\x02 old", 7)));
    QVERIFY(m_repo.commitAll("base"));

    QByteArray modified = twenty;
    modified.replace("line 2\n", "line two\n");
    modified.replace("line 18\n", "line eighteen\nline 18b\n");
    QVERIFY(m_repo.write("modify.txt", modified));
    QVERIFY(m_repo.remove("delete.txt"));
    QVERIFY(m_repo.git({"mv", "rename-old.txt", "rename-new.txt"}).isNull() == false);
    QByteArray moved = lines(20, "moving ");
    moved.replace("moving 10\n", "moved ten\n");
    QVERIFY(m_repo.remove("move-edit.txt"));
    QVERIFY(m_repo.write("moved/edit.txt", moved));
    QVERIFY(!m_repo.git({"update-index", "--chmod=+x", "mode.sh"}).isNull());
    QVERIFY(m_repo.write("eof.txt", "first\nlast changed, still without newline"));
    QVERIFY(m_repo.write("dir with space/file name.txt", "alpha\nBETA\n"));
    QVERIFY(m_repo.write(QString::fromUtf8("\xc3\xbcn\xc3\xaf.txt"), "unicode name\n"));
    QVERIFY(m_repo.write("we\"ird\tname.txt", "quoted and tabbed\n"));
    QVERIFY(m_repo.write("image.png", QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16)));
    QVERIFY(m_repo.write("binary.dat", QByteArray("\x00\x01\x02 new!", 8)));
    QVERIFY(m_repo.write("empty.txt", ""));
    QVERIFY(m_repo.write("src/added.cpp", "int main()\n{\n    return 0;\n}\n"));
    QVERIFY(!m_repo.git({"add", "-A"}).isNull());
    QVERIFY(!m_repo.git({"update-index", "--chmod=+x", "mode.sh"}).isNull());
    QVERIFY(!m_repo.git({"commit", "-q", "-m", "change"}).isNull());

    m_diff = m_repo.git({"diff", "-M", "HEAD~1", "HEAD"});
    m_binaryDiff = m_repo.git({"diff", "-M", "--binary", "HEAD~1", "HEAD"});
    QVERIFY(!m_diff.isEmpty());
    QVERIFY(m_binaryDiff.contains("GIT binary patch"));
    QVERIFY(m_diff.contains("Binary files"));
    QVERIFY(m_diff.contains("\\ No newline at end of file"));
    QVERIFY(m_diff.contains("\"b/\\303\\274n\\303\\257.txt\""));
}

void TestDiffParser::gitDiffMatchesGit_data()
{
    QTest::addColumn<bool>("binaryPatch");
    QTest::addRow("plain git diff") << false;
    QTest::addRow("git diff --binary") << true;
}

void TestDiffParser::gitDiffMatchesGit()
{
    QFETCH(bool, binaryPatch);
    const QByteArray& text = binaryPatch ? m_binaryDiff : m_diff;
    const auto parsed = DiffParser::parse(std::string_view(text.constData(), text.size()));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
    const auto truth = gitTruth(m_repo, {"HEAD~1", "HEAD"});
    std::string names = "parsed:";
    for (const auto& file : parsed->files)
        names += " [" + file.path() + "]";
    names += " git:";
    for (const auto& [path, t] : truth)
        names += " [" + path + "]";
    QVERIFY2(parsed->files.size() == truth.size(), names.c_str());
    for (const auto& [path, t] : truth) {
        const DiffFile* file = findFile(*parsed, path);
        QVERIFY2(file, path.c_str());
        const FileStatus expected = t.status == 'A'   ? FileStatus::Added
                                    : t.status == 'D' ? FileStatus::Deleted
                                    : t.status == 'R' ? FileStatus::Renamed
                                                      : FileStatus::Modified;
        QCOMPARE(int(file->status), int(expected));
        if (t.status == 'R')
            QCOMPARE(file->oldPath, t.oldPath);
        if (t.status == 'M')
            QCOMPARE(file->oldPath, path);
        QCOMPARE(file->binary, t.additions < 0);
        if (t.additions >= 0) {
            QCOMPARE(file->additions, t.additions);
            QCOMPARE(file->deletions, t.deletions);
        }
    }
}

void TestDiffParser::gitFileDetails()
{
    const auto parsed = DiffParser::parse(std::string_view(m_diff.constData(), m_diff.size()));
    QVERIFY(parsed.ok());
    const DiffFile* modify = findFile(*parsed, "modify.txt");
    QVERIFY(modify);
    QCOMPARE(modify->hunks.size(), std::size_t(2));
    QCOMPARE(modify->oldIndex.size() >= 7, true);

    const DiffFile* rename = findFile(*parsed, "rename-new.txt");
    QVERIFY(rename);
    QCOMPARE(rename->similarity, 100);
    QVERIFY(rename->hunks.empty());

    const DiffFile* mode = findFile(*parsed, "mode.sh");
    QVERIFY(mode);
    QCOMPARE(mode->oldMode, std::string("100644"));
    QCOMPARE(mode->newMode, std::string("100755"));

    const DiffFile* eof = findFile(*parsed, "eof.txt");
    QVERIFY(eof);
    const auto& eofLines = eof->hunks.at(0).lines;
    QVERIFY(eofLines.back().noNewlineAtEnd);
    QCOMPARE(eofLines.back().content, std::string("last changed, still without newline"));

    const DiffFile* deleted = findFile(*parsed, "delete.txt");
    QVERIFY(deleted);
    QVERIFY(deleted->newPath.empty());
    QCOMPARE(deleted->oldMode, std::string("100644"));

    const DiffFile* empty = findFile(*parsed, "empty.txt");
    QVERIFY(empty);
    QCOMPARE(int(empty->status), int(FileStatus::Added));
    QVERIFY(empty->hunks.empty());
    QVERIFY(empty->oldPath.empty());

    QVERIFY(findFile(*parsed, "we\"ird\tname.txt"));
    QVERIFY(findFile(*parsed, "dir with space/file name.txt"));
    QVERIFY(findFile(*parsed, "\xc3\xbcn\xc3\xaf.txt"));
}

void TestDiffParser::lineNumbers()
{
    const auto parsed = DiffParser::parse(std::string_view(m_diff.constData(), m_diff.size()));
    QVERIFY(parsed.ok());
    const DiffFile* modify = findFile(*parsed, "modify.txt");
    QVERIFY(modify);
    const DiffHunk& second = modify->hunks.at(1);
    QCOMPARE(second.oldStart, 15);
    QCOMPARE(second.oldCount, 6);
    QCOMPARE(second.newStart, 15);
    QCOMPARE(second.newCount, 7);
    bool sawRemoved = false;
    int addedSeen = 0;
    for (const auto& l : second.lines) {
        if (l.kind == LineKind::Removed) {
            QCOMPARE(l.content, std::string("line 18"));
            QCOMPARE(l.oldLine, 18);
            QCOMPARE(l.newLine, 0);
            sawRemoved = true;
        } else if (l.kind == LineKind::Added) {
            QCOMPARE(l.oldLine, 0);
            QCOMPARE(l.newLine, 18 + addedSeen++);
        } else if (l.content == "line 20") {
            QCOMPARE(l.oldLine, 20);
            QCOMPARE(l.newLine, 21);
        }
    }
    QVERIFY(sawRemoved);
    QCOMPARE(addedSeen, 2);
}

void TestDiffParser::handWritten_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("files");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("additions");
    QTest::addColumn<int>("deletions");

    QTest::addRow("diff -u with timestamps")
        << QByteArray("--- orig/src/a.c\t2024-01-01 10:00:00.000000000 +0000\n"
                      "+++ new/src/a.c\t2024-01-02 10:00:00.000000000 +0000\n"
                      "@@ -1,2 +1,2 @@\n int x;\n-int y;\n+long y;\n")
        << 1 << "src/a.c" << int(FileStatus::Modified) << 1 << 1;
    QTest::addRow("diff -N added file")
        << QByteArray("--- a/new.txt\t1970-01-01 00:00:00.000000000 +0000\n"
                      "+++ b/new.txt\t2024-01-02 10:00:00.000000000 +0000\n"
                      "@@ -0,0 +1,2 @@\n+one\n+two\n")
        << 1 << "new.txt" << int(FileStatus::Added) << 2 << 0;
    QTest::addRow("plain /dev/null deletion")
        << QByteArray("--- a/old.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n") << 1 << "old.txt"
        << int(FileStatus::Deleted) << 0 << 1;
    QTest::addRow("format-patch mail with signature")
        << QByteArray("From 1234 Mon Sep 17 00:00:00 2001\nFrom: A <a@b.c>\nSubject: [PATCH] x\n\n"
                      "--- message text\n---\n a.txt | 1 +\n\n"
                      "diff --git a/a.txt b/a.txt\nindex 1111111..2222222 100644\n--- a/a.txt\n"
                      "+++ b/a.txt\n@@ -1 +1,2 @@\n keep\n+add\n-- \n2.39.2\n\n")
        << 1 << "a.txt" << int(FileStatus::Modified) << 1 << 0;
    QTest::addRow("CRLF line ends")
        << QByteArray("diff --git a/w.txt b/w.txt\r\n--- a/w.txt\r\n+++ b/w.txt\r\n"
                      "@@ -1,2 +1,2 @@\r\n keep\r\n-old\r\n+new\r\n")
        << 1 << "w.txt" << int(FileStatus::Modified) << 1 << 1;
    QTest::addRow("svn Index header")
        << QByteArray("Index: lib/x.py\n===================================================\n"
                      "--- lib/x.py\t(revision 1)\n+++ lib/x.py\t(working copy)\n"
                      "@@ -3,0 +4 @@\n+import os\n")
        << 1 << "lib/x.py" << int(FileStatus::Modified) << 1 << 0;
    QTest::addRow("empty context line kept by an editor")
        << QByteArray("--- a/e.txt\n+++ b/e.txt\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n") << 1 << "e.txt"
        << int(FileStatus::Modified) << 1 << 1;
    QTest::addRow("quoted marker names")
        << QByteArray("diff --git \"a/sp ace\\tx.txt\" \"b/sp ace\\tx.txt\"\n"
                      "--- \"a/sp ace\\tx.txt\"\n+++ \"b/sp ace\\tx.txt\"\n@@ -1 +1 @@\n-a\n+b\n")
        << 1 << "sp ace\tx.txt" << int(FileStatus::Modified) << 1 << 1;
    QTest::addRow("unquoted names with spaces")
        << QByteArray("diff --git a/my file.txt b/my file.txt\nnew file mode 100644\n"
                      "--- /dev/null\n+++ b/my file.txt\t\n@@ -0,0 +1 @@\n+x\n")
        << 1 << "my file.txt" << int(FileStatus::Added) << 1 << 0;
    QTest::addRow("pure rename without content")
        << QByteArray("diff --git a/old name.txt b/new name.txt\nsimilarity index 100%\n"
                      "rename from old name.txt\nrename to new name.txt\n")
        << 1 << "new name.txt" << int(FileStatus::Renamed) << 0 << 0;
    QTest::addRow("copy")
        << QByteArray("diff --git a/a.txt b/c.txt\nsimilarity index 90%\ncopy from a.txt\n"
                      "copy to c.txt\n--- a/a.txt\n+++ b/c.txt\n@@ -1 +1 @@\n-a\n+c\n")
        << 1 << "c.txt" << int(FileStatus::Copied) << 1 << 1;
    QTest::addRow("empty input") << QByteArray("") << 0 << "" << 0 << 0 << 0;
    QTest::addRow("two plain files")
        << QByteArray(
               "--- a/1\n+++ b/1\n@@ -1 +1 @@\n-x\n+y\n--- a/2\n+++ b/2\n@@ -1 +1 @@\n-x\n+y\n")
        << 2 << "1" << int(FileStatus::Modified) << 1 << 1;
}

void TestDiffParser::handWritten()
{
    QFETCH(QByteArray, patch);
    QFETCH(int, files);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, additions);
    QFETCH(int, deletions);
    const auto parsed = DiffParser::parse(std::string_view(patch.constData(), patch.size()));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
    QCOMPARE(int(parsed->files.size()), files);
    if (files == 0)
        return;
    const DiffFile& first = parsed->files.front();
    QCOMPARE(QString::fromStdString(first.path()), path);
    QCOMPARE(int(first.status), status);
    QCOMPARE(first.additions, additions);
    QCOMPARE(first.deletions, deletions);
    for (const auto& hunk : first.hunks) {
        for (const auto& l : hunk.lines)
            QVERIFY(l.content.find('\r') == std::string::npos);
    }
}

void TestDiffParser::malformed_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<QString>("linePrefix");

    QTest::addRow("not a diff") << QByteArray("hello\nworld\n") << "diff.syntax"
                                << "line 1:";
    QTest::addRow("bad hunk header")
        << QByteArray("--- a/x\n+++ b/x\n@@ -1,x +1 @@\n-a\n") << "diff.hunk_header"
        << "line 3:";
    QTest::addRow("missing hunk after markers")
        << QByteArray("diff --git a/x b/x\n--- a/x\n+++ b/x\nrandom\n") << "diff.hunk_header"
        << "line 4:";
    QTest::addRow("missing +++") << QByteArray("diff --git a/x b/x\n--- a/x\n@@ -1 +1 @@\n")
                                 << "diff.syntax"
                                 << "line 3:";
    QTest::addRow("hunk cut short")
        << QByteArray("--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n") << "diff.hunk_body"
        << "line 5:";
    QTest::addRow("too many added lines")
        << QByteArray("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n") << "diff.hunk_body"
        << "line 6:";
    QTest::addRow("garbage inside hunk")
        << QByteArray("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n*b\n") << "diff.hunk_body"
        << "line 5:";
    QTest::addRow("hunk before any file") << QByteArray("@@ -1 +1 @@\n-a\n+b\n") << "diff.syntax"
                                          << "line 1:";
    QTest::addRow("combined diff")
        << QByteArray("diff --cc a.txt\n@@@ -1,1 -1,1 +1,1 @@@\n") << "diff.unsupported"
        << "line 1:";
    QTest::addRow("hunk without markers")
        << QByteArray("diff --git a/x b/x\nindex 1..2 100644\n@@ -1 +1 @@\n-a\n+b\n")
        << "diff.syntax"
        << "line 3:";
    QTest::addRow("unterminated quote")
        << QByteArray("diff --git a/x b/x\n--- \"a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n")
        << "diff.syntax"
        << "line 2:";
    QTest::addRow("number overflow")
        << QByteArray("--- a/x\n+++ b/x\n@@ -99999999999 +1 @@\n-a\n+b\n") << "diff.hunk_header"
        << "line 3:";
}

void TestDiffParser::malformed()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, constraint);
    QFETCH(QString, linePrefix);
    const auto parsed = DiffParser::parse(std::string_view(patch.constData(), patch.size()));
    QVERIFY(!parsed.ok());
    const auto& error = parsed.error();
    QCOMPARE(int(error.code()), int(builder::common::StatusCode::InvalidArgument));
    QCOMPARE(error.violations().size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(error.violations()[0].fieldPath), QString("diff"));
    QCOMPARE(QString::fromStdString(error.violations()[0].constraintId), constraint);
    QVERIFY2(QString::fromStdString(error.violations()[0].message).startsWith(linePrefix),
             error.message().c_str());
    QVERIFY(error.message().find("expected") != std::string::npos ||
            error.message().find("not supported") != std::string::npos);
}

void TestDiffParser::truncationsNeverCrash()
{
    const QByteArray& text = m_binaryDiff;
    int ok = 0, failed = 0;
    for (int cut = 0; cut <= text.size(); cut += 7) {
        const auto parsed = DiffParser::parse(std::string_view(text.constData(), cut));
        if (parsed.ok()) {
            ++ok;
            continue;
        }
        ++failed;
        const std::string& message = parsed.error().violations().at(0).message;
        QVERIFY(message.rfind("line ", 0) == 0);
        const int number = std::stoi(message.substr(5));
        QVERIFY(number >= 1 && number <= text.count('\n') + 1);
    }
    QVERIFY(ok > 0);
    QVERIFY(failed > 0);
}

void TestDiffParser::randomBytesNeverCrash()
{
    QRandomGenerator random(1234);
    for (int round = 0; round < 2000; ++round) {
        QByteArray text = m_diff;
        const int flips = 1 + int(random.bounded(8));
        for (int i = 0; i < flips; ++i) {
            const int at = int(random.bounded(text.size()));
            const char choices[] = {'\n', '@', '+', '-', ' ', '"', '\\', ',', '9', '\0', 'x'};
            text[at] = choices[random.bounded(int(sizeof(choices)))];
        }
        const auto parsed = DiffParser::parse(std::string_view(text.constData(), text.size()));
        if (!parsed.ok()) {
            QVERIFY(!parsed.error().violations().empty());
        } else {
            for (const auto& file : parsed->files) {
                for (const auto& hunk : file.hunks)
                    QVERIFY(int(hunk.lines.size()) <= hunk.oldCount + hunk.newCount);
            }
        }
    }
}

void TestDiffParser::largeDiffIsFast()
{
    std::string text;
    for (int f = 0; f < 100; ++f) {
        text += "diff --git a/src/file" + std::to_string(f) + ".cpp b/src/file" +
                std::to_string(f) + ".cpp\nindex 1234567..89abcde 100644\n--- a/src/file" +
                std::to_string(f) + ".cpp\n+++ b/src/file" + std::to_string(f) +
                ".cpp\n@@ -1,60 +1,110 @@\n";
        for (int i = 0; i < 50; ++i)
            text += " context line " + std::to_string(i) + " of the file\n";
        for (int i = 0; i < 10; ++i)
            text += "-removed line " + std::to_string(i) + "\n";
        for (int i = 0; i < 60; ++i)
            text += "+    added statement number " + std::to_string(i) + " = compute(x, y);\n";
    }
    QElapsedTimer timer;
    timer.start();
    const auto parsed = DiffParser::parse(text);
    const qint64 micros = timer.nsecsElapsed() / 1000;
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->additions(), 6000);
    QCOMPARE(parsed->deletions(), 1000);
    qInfo("parsed %d changed lines (%zu bytes) in %lld us",
          parsed->additions() + parsed->deletions(), text.size(), micros);
    // Generous bound so a loaded CI machine does not fail; the benchmark reports the real figure.
    QVERIFY(micros < 500000);
}

QTEST_GUILESS_MAIN(TestDiffParser)
#include "test_diff_parser.moc"
