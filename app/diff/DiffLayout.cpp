#include "DiffLayout.h"

namespace builder::diff {

namespace rv1 = feature::review::v1;
using RowKind = DiffDocument::RowKind;

namespace {

QString number(int value)
{
    return value > 0 ? QString::number(value) : QString();
}

void addRow(DiffDocument::Pane& pane, const QString& text, const QString& label, RowKind kind,
            int oldLine, int newLine)
{
    pane.rows << text;
    pane.labels << label;
    pane.kinds.push_back(kind);
    pane.oldLines.push_back(oldLine);
    pane.newLines.push_back(newLine);
}

QString headerText(const rv1::DiffHunk& hunk)
{
    QString text = QStringLiteral("@@ -%1,%2 +%3,%4 @@")
                       .arg(hunk.old_start())
                       .arg(hunk.old_lines())
                       .arg(hunk.new_start())
                       .arg(hunk.new_lines());
    if (!hunk.header().empty())
        text += ' ' + QString::fromStdString(hunk.header());
    return text;
}

QString content(const rv1::DiffLine& line)
{
    QString text = QString::fromStdString(line.content());
    if (text.endsWith('\n'))
        text.chop(1);
    return text;
}

// Pairs a run of removed lines with the run of added lines after it.
void flushRun(std::vector<const rv1::DiffLine*>& removed, std::vector<const rv1::DiffLine*>& added,
              DiffDocument::File& out)
{
    const std::size_t rows = std::max(removed.size(), added.size());
    for (std::size_t i = 0; i < rows; ++i) {
        if (i < removed.size())
            addRow(out.left, content(*removed[i]), number(removed[i]->old_line()), RowKind::Removed,
                   removed[i]->old_line(), 0);
        else
            addRow(out.left, QString(), QString(), RowKind::Filler, 0, 0);
        if (i < added.size())
            addRow(out.right, content(*added[i]), number(added[i]->new_line()), RowKind::Added, 0,
                   added[i]->new_line());
        else
            addRow(out.right, QString(), QString(), RowKind::Filler, 0, 0);
    }
    removed.clear();
    added.clear();
}

} // namespace

void DiffLayout::layOut(const rv1::DiffFile& file, DiffDocument::File& out)
{
    int widest = 1;
    for (const auto& hunk : file.hunks())
        widest = std::max(
            {widest, static_cast<int>(QString::number(hunk.old_start() + hunk.old_lines()).size()),
             static_cast<int>(QString::number(hunk.new_start() + hunk.new_lines()).size())});
    for (const auto& hunk : file.hunks()) {
        const QString header = headerText(hunk);
        out.hunkRows.push_back(static_cast<int>(out.unified.rows.size()));
        addRow(out.unified, header, QString(), RowKind::HunkHeader, 0, 0);
        out.hunkRowsSxS.push_back(static_cast<int>(out.left.rows.size()));
        addRow(out.left, header, QString(), RowKind::HunkHeader, 0, 0);
        addRow(out.right, header, QString(), RowKind::HunkHeader, 0, 0);

        std::vector<const rv1::DiffLine*> removed;
        std::vector<const rv1::DiffLine*> added;
        for (const auto& line : hunk.lines()) {
            const QString label = QStringLiteral("%1 %2")
                                      .arg(number(line.old_line()), widest)
                                      .arg(number(line.new_line()), widest);
            switch (line.kind()) {
            case rv1::LINE_KIND_ADDED:
                addRow(out.unified, '+' + content(line), label, RowKind::Added, 0, line.new_line());
                added.push_back(&line);
                break;
            case rv1::LINE_KIND_REMOVED:
                if (!added.empty()) // a removed run after added lines starts a new pair
                    flushRun(removed, added, out);
                addRow(out.unified, '-' + content(line), label, RowKind::Removed, line.old_line(),
                       0);
                removed.push_back(&line);
                break;
            default:
                flushRun(removed, added, out);
                addRow(out.unified, ' ' + content(line), label, RowKind::Context, line.old_line(),
                       line.new_line());
                addRow(out.left, content(line), number(line.old_line()), RowKind::Context,
                       line.old_line(), line.new_line());
                addRow(out.right, content(line), number(line.new_line()), RowKind::Context,
                       line.old_line(), line.new_line());
                break;
            }
        }
        flushRun(removed, added, out);
    }
}

} // namespace builder::diff
