#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

namespace builder::editor {

// A read-only code pane for diffs: the file's language highlighted, line labels
// (old/new numbers) in a text margin, added/removed backgrounds, finding markers
// by severity, and notes (comments, finding messages) shown under their lines.
class CodeView : public QWidget
{
    Q_OBJECT
public:
    enum class LineKind
    {
        Context,
        Added,
        Removed,
        HunkHeader,
        Filler // the empty side of a side-by-side row
    };
    enum class Severity
    {
        Low,
        Medium,
        High,
        Critical
    };
    enum class NoteKind
    {
        Comment,
        Finding
    };

    explicit CodeView(QWidget* parent = nullptr);
    ~CodeView() override;

    // One call per file: text (lines joined by '\n'), a path for the language,
    // one label and one kind per line.
    void setDocument(const QString& text, const QString& languagePath, const QStringList& labels,
                     const std::vector<LineKind>& kinds);
    void clear();
    void addFindingMarker(int line, Severity severity);
    // Replaces the notes under `line` (empty list removes them).
    void setNotes(int line, const QStringList& notes, NoteKind kind);
    void clearNotes();

    void gotoLine(int line);
    int currentLine() const;
    int lineCount() const;
    int firstVisibleLine() const;
    void setFirstVisibleLine(int line);
    QString languageName() const { return m_language; }
    bool hasFindingMarker(int line) const;
    // Re-reads the palette (light/dark theme switch).
    void applyPalette();

signals:
    void firstVisibleLineChanged(int line);
    void currentLineChanged(int line);
    // Double-click on a line or a click in its margin: the user wants to comment there.
    void lineActivated(int line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void defineMarkers();

    struct Parts;
    Parts* m_parts;
    QString m_language;
    int m_lastFirstVisible = -1;
};

} // namespace builder::editor
