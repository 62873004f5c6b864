// The diff document lays out GetDiff's files for both views: unified rows with
// old/new numbers, side-by-side rows paired with fillers, findings and comments
// anchored to the right rows.
#include "diff/DiffDocument.h"

#include <QtTest>

using builder::diff::DiffDocument;
namespace rv1 = feature::review::v1;

namespace {

using Kind = DiffDocument::RowKind;

// A hunk from a compact script: ' ' context, '-' removed, '+' added.
rv1::DiffFile file(const std::string& path, const std::string& script, int oldStart = 1,
                   int newStart = 1)
{
    rv1::DiffFile f;
    f.set_path(path);
    f.set_status(rv1::FILE_STATUS_MODIFIED);
    auto* hunk = f.add_hunks();
    hunk->set_old_start(oldStart);
    hunk->set_new_start(newStart);
    int oldLine = oldStart;
    int newLine = newStart;
    int n = 0;
    for (char c : script) {
        auto* line = hunk->add_lines();
        line->set_content("line" + std::to_string(n++));
        if (c == '+') {
            line->set_kind(rv1::LINE_KIND_ADDED);
            line->set_new_line(newLine++);
            f.set_additions(f.additions() + 1);
        } else if (c == '-') {
            line->set_kind(rv1::LINE_KIND_REMOVED);
            line->set_old_line(oldLine++);
            f.set_deletions(f.deletions() + 1);
        } else {
            line->set_kind(rv1::LINE_KIND_CONTEXT);
            line->set_old_line(oldLine++);
            line->set_new_line(newLine++);
        }
    }
    hunk->set_old_lines(oldLine - oldStart);
    hunk->set_new_lines(newLine - newStart);
    return f;
}

QString kinds(const DiffDocument::Pane& pane)
{
    QString out;
    for (auto kind : pane.kinds)
        out += kind == Kind::Context      ? ' '
               : kind == Kind::Added      ? '+'
               : kind == Kind::Removed    ? '-'
               : kind == Kind::HunkHeader ? '@'
                                          : '.';
    return out;
}

} // namespace

class TestStudioDiffDocument : public QObject
{
    Q_OBJECT
private slots:
    void layout_data();
    void layout();
    void anchors();
    void large();
};

void TestStudioDiffDocument::layout_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("unified");
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addRow("context only") << " "
                                  << "@ "
                                  << "@ "
                                  << "@ ";
    QTest::addRow("pure addition") << " ++"
                                   << "@ ++"
                                   << "@ .."
                                   << "@ ++";
    QTest::addRow("pure removal") << "-- "
                                  << "@-- "
                                  << "@-- "
                                  << "@.. ";
    QTest::addRow("replace one by two") << "-++"
                                        << "@-++"
                                        << "@-."
                                        << "@++";
    QTest::addRow("replace two by one") << "--+ "
                                        << "@--+ "
                                        << "@-- "
                                        << "@+. ";
    QTest::addRow("two runs") << "-+ -+"
                              << "@-+ -+"
                              << "@- -"
                              << "@+ +";
    QTest::addRow("added then removed") << "+-"
                                        << "@+-"
                                        << "@.-"
                                        << "@+.";
}

void TestStudioDiffDocument::layout()
{
    QFETCH(QString, script);
    QFETCH(QString, unified);
    QFETCH(QString, left);
    QFETCH(QString, right);
    rv1::GetDiffResponse response;
    *response.add_files() = file("src/a.cpp", script.toStdString());
    const DiffDocument doc = DiffDocument::fromResponse(response);
    QCOMPARE(doc.files().size(), std::size_t(1));
    const auto& f = doc.files()[0];
    QCOMPARE(kinds(f.unified), unified);
    QCOMPARE(kinds(f.left), left);
    QCOMPARE(kinds(f.right), right);
    QCOMPARE(f.left.rows.size(), f.right.rows.size()); // rows stay aligned
    QCOMPARE(f.unified.labels.size(), f.unified.rows.size());
    QCOMPARE(f.hunkRows, std::vector<int>{0});
}

void TestStudioDiffDocument::anchors()
{
    rv1::GetDiffResponse response;
    response.set_head_sha("abcdef1234");
    *response.add_files() = file("src/a.cpp", " -+ ", 10, 10);
    *response.add_files() = file("src/b.py", "+++", 1, 1);
    auto* finding = response.add_findings();
    finding->set_file("src/a.cpp");
    finding->set_line(11); // the added line
    finding->set_severity(rv1::SEVERITY_HIGH);
    finding->set_message("hard-coded secret");
    auto* elsewhere = response.add_findings();
    elsewhere->set_file("unknown.txt");
    auto* comment = response.add_comments();
    comment->set_file("src/a.cpp");
    comment->set_line(11);
    comment->set_side(rv1::COMMENT_SIDE_OLD);
    comment->set_body("why remove this?");
    const DiffDocument doc = DiffDocument::fromResponse(response);
    QCOMPARE(doc.findingCount(), 1); // a finding for a file not in the diff is dropped
    QCOMPARE(doc.headSha(), QStringLiteral("abcdef1234"));
    const auto& a = doc.files()[0];
    QCOMPARE(a.findings.size(), std::size_t(1));
    const int unifiedRow = a.unified.rowOf(DiffDocument::Side::New, 11);
    QCOMPARE(a.unified.kinds[static_cast<std::size_t>(unifiedRow)], Kind::Added);
    QCOMPARE(a.unified.rowOf(DiffDocument::Side::Old, 11), 2); // header, context, removed
    QVERIFY(a.unified.labels[2].contains("11"));
    QCOMPARE(a.right.rowOf(DiffDocument::Side::New, 11), a.left.rowOf(DiffDocument::Side::Old, 11));
    QCOMPARE(a.comments.size(), std::size_t(1));
    QCOMPARE(doc.fileIndex("src/b.py"), 1);
    QCOMPARE(doc.fileIndex("nope"), -1);
}

void TestStudioDiffDocument::large()
{
    rv1::GetDiffResponse response;
    *response.add_files() = file("big.cpp", std::string(50000, '+'));
    const DiffDocument doc = DiffDocument::fromResponse(response);
    QCOMPARE(doc.lineCount(), 50001);
    QCOMPARE(doc.files()[0].right.rows.size(), std::size_t(50001));
}

QTEST_GUILESS_MAIN(TestStudioDiffDocument)
#include "test_studio_diff_document.moc"
