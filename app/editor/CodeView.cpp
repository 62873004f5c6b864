#include "CodeView.h"

#include "EditorTheme.h"
#include "LexerFactory.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

#include <QEvent>
#include <QFontDatabase>
#include <QVBoxLayout>

namespace builder::editor {

namespace {

// Marker numbers: backgrounds first, then one symbol per severity.
constexpr int kAddedMarker = 0;
constexpr int kRemovedMarker = 1;
constexpr int kHeaderMarker = 2;
constexpr int kFillerMarker = 3;
constexpr int kSeverityMarker = 4; // + Severity
constexpr int kLabelMargin = 0;
constexpr int kSymbolMargin = 1;

int severityIndex(CodeView::Severity severity)
{
    return static_cast<int>(severity);
}

} // namespace

struct CodeView::Parts
{
    QsciScintilla* editor = nullptr;
    QsciLexer* lexer = nullptr;
    QsciStyle* labelStyle = nullptr;
    QsciStyle* commentStyle = nullptr;
    QsciStyle* findingStyle = nullptr;
};

CodeView::CodeView(QWidget* parent) : QWidget(parent), m_parts(new Parts)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* editor = new QsciScintilla(this);
    m_parts->editor = editor;
    editor->setObjectName(QStringLiteral("codeText"));
    editor->setReadOnly(true);
    editor->setUtf8(true);
    editor->setCaretLineVisible(true);
    editor->setWrapMode(QsciScintilla::WrapNone);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setMarginType(kLabelMargin, QsciScintilla::TextMarginRightJustified);
    editor->setMarginMarkerMask(kLabelMargin, 0);
    editor->setMarginType(kSymbolMargin, QsciScintilla::SymbolMargin);
    editor->setMarginWidth(kSymbolMargin, 16);
    editor->setMarginMarkerMask(kSymbolMargin, 0xF << kSeverityMarker);
    editor->setMarginSensitivity(kSymbolMargin, true);
    editor->setMarginSensitivity(kLabelMargin, true);
    editor->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    layout->addWidget(editor);
    setFocusProxy(editor);

    m_parts->labelStyle = new QsciStyle(-1, "label", QColor(), QColor(),
                                        QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_parts->commentStyle = new QsciStyle(-1, "comment", QColor(0x1d, 0x3f, 0x72),
                                          QColor(0xdd, 0xea, 0xfb), editor->font());
    m_parts->findingStyle = new QsciStyle(-1, "finding", QColor(0x5c, 0x3a, 0x00),
                                          QColor(0xfd, 0xef, 0xc8), editor->font());
    defineMarkers();

    connect(editor, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int) {
        const int first = firstVisibleLine();
        if (first != m_lastFirstVisible) {
            m_lastFirstVisible = first;
            emit firstVisibleLineChanged(first);
        }
    });
    connect(editor, &QsciScintilla::cursorPositionChanged, this,
            [this](int line, int) { emit currentLineChanged(line); });
    connect(editor, &QsciScintilla::marginClicked, this,
            [this](int, int line, Qt::KeyboardModifiers) { emit lineActivated(line); });
    connect(editor, &QsciScintillaBase::SCN_DOUBLECLICK, this,
            [this](int, int line, int) { emit lineActivated(line); });
    applyPalette();
}

CodeView::~CodeView()
{
    delete m_parts->labelStyle;
    delete m_parts->commentStyle;
    delete m_parts->findingStyle;
    delete m_parts;
}

void CodeView::defineMarkers()
{
    auto* editor = m_parts->editor;
    editor->markerDefine(QsciScintilla::Background, kAddedMarker);
    editor->markerDefine(QsciScintilla::Background, kRemovedMarker);
    editor->markerDefine(QsciScintilla::Background, kHeaderMarker);
    editor->markerDefine(QsciScintilla::Background, kFillerMarker);
    const QsciScintilla::MarkerSymbol symbols[] = {QsciScintilla::Circle, QsciScintilla::Circle,
                                                   QsciScintilla::RightTriangle,
                                                   QsciScintilla::RightTriangle};
    const QColor colours[] = {QColor(0x5b, 0x7d, 0xb1), QColor(0xc7, 0x7c, 0x02),
                              QColor(0xe0, 0x5a, 0x1f), QColor(0xc0, 0x1c, 0x28)};
    for (int i = 0; i < 4; ++i) {
        editor->markerDefine(symbols[i], kSeverityMarker + i);
        editor->setMarkerBackgroundColor(colours[i], kSeverityMarker + i);
        editor->setMarkerForegroundColor(colours[i].darker(140), kSeverityMarker + i);
    }
}

void CodeView::applyPalette()
{
    EditorTheme::apply(*m_parts->editor, m_parts->lexer, palette());
    const bool dark = EditorTheme::isDark(palette());
    auto* editor = m_parts->editor;
    editor->setMarkerBackgroundColor(dark ? QColor(0x1f, 0x3d, 0x2a) : QColor(0xe6, 0xff, 0xec),
                                     kAddedMarker);
    editor->setMarkerBackgroundColor(dark ? QColor(0x4a, 0x22, 0x26) : QColor(0xff, 0xeb, 0xe9),
                                     kRemovedMarker);
    editor->setMarkerBackgroundColor(dark ? QColor(0x25, 0x2f, 0x45) : QColor(0xdd, 0xf4, 0xff),
                                     kHeaderMarker);
    editor->setMarkerBackgroundColor(dark ? QColor(0x2a, 0x2a, 0x2a) : QColor(0xf2, 0xf2, 0xf2),
                                     kFillerMarker);
    m_parts->labelStyle->setPaper(palette().color(QPalette::AlternateBase));
    m_parts->labelStyle->setColor(palette().color(QPalette::PlaceholderText));
}

void CodeView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void CodeView::clear()
{
    m_parts->editor->clearAnnotations();
    m_parts->editor->markerDeleteAll();
    m_parts->editor->clearMarginText();
    m_parts->editor->clear();
}

void CodeView::setDocument(const QString& text, const QString& languagePath,
                           const QStringList& labels, const std::vector<LineKind>& kinds)
{
    auto* editor = m_parts->editor;
    editor->setReadOnly(false);
    clear();
    QsciLexer* old = m_parts->lexer;
    m_parts->lexer = LexerFactory::forPath(languagePath, editor);
    m_language =
        m_parts->lexer ? QString::fromLatin1(m_parts->lexer->language()) : QStringLiteral("Text");
    if (m_parts->lexer) {
        m_parts->lexer->setDefaultFont(editor->font());
        m_parts->lexer->setFont(editor->font(), -1);
    }
    editor->setLexer(m_parts->lexer);
    delete old;
    applyPalette();
    editor->setText(text);
    editor->setReadOnly(true);

    int widest = 0;
    for (const QString& label : labels)
        widest = std::max(widest, static_cast<int>(label.size()));
    editor->setMarginWidth(kLabelMargin, QString(widest + 1, QLatin1Char('9')));
    const int lines = std::min<int>(editor->lines(), static_cast<int>(labels.size()));
    for (int line = 0; line < lines; ++line)
        if (!labels[line].isEmpty())
            editor->setMarginText(line, labels[line], *m_parts->labelStyle);
    const int kindLines = std::min<int>(editor->lines(), static_cast<int>(kinds.size()));
    for (int line = 0; line < kindLines; ++line) {
        switch (kinds[static_cast<std::size_t>(line)]) {
        case LineKind::Added:
            editor->markerAdd(line, kAddedMarker);
            break;
        case LineKind::Removed:
            editor->markerAdd(line, kRemovedMarker);
            break;
        case LineKind::HunkHeader:
            editor->markerAdd(line, kHeaderMarker);
            break;
        case LineKind::Filler:
            editor->markerAdd(line, kFillerMarker);
            break;
        case LineKind::Context:
            break;
        }
    }
    m_lastFirstVisible = -1;
}

void CodeView::addFindingMarker(int line, Severity severity)
{
    m_parts->editor->markerAdd(line, kSeverityMarker + severityIndex(severity));
}

bool CodeView::hasFindingMarker(int line) const
{
    return (m_parts->editor->markersAtLine(line) & (0xF << kSeverityMarker)) != 0;
}

void CodeView::setNotes(int line, const QStringList& notes, NoteKind kind)
{
    if (notes.isEmpty()) {
        m_parts->editor->clearAnnotations(line);
        return;
    }
    m_parts->editor->annotate(line, notes.join('\n'),
                              kind == NoteKind::Comment ? *m_parts->commentStyle
                                                        : *m_parts->findingStyle);
}

void CodeView::clearNotes()
{
    m_parts->editor->clearAnnotations();
}

void CodeView::gotoLine(int line)
{
    auto* editor = m_parts->editor;
    editor->setCursorPosition(line, 0);
    editor->ensureLineVisible(line);
    // Keep a little context above the target.
    const int first = std::max(0, line - 3);
    editor->SendScintilla(QsciScintillaBase::SCI_SETFIRSTVISIBLELINE, first);
}

int CodeView::currentLine() const
{
    int line = 0;
    int index = 0;
    m_parts->editor->getCursorPosition(&line, &index);
    return line;
}

int CodeView::lineCount() const
{
    return m_parts->editor->lines();
}

int CodeView::firstVisibleLine() const
{
    return static_cast<int>(
        m_parts->editor->SendScintilla(QsciScintillaBase::SCI_GETFIRSTVISIBLELINE));
}

void CodeView::setFirstVisibleLine(int line)
{
    if (line == firstVisibleLine())
        return;
    m_parts->editor->SendScintilla(QsciScintillaBase::SCI_SETFIRSTVISIBLELINE, line);
}

} // namespace builder::editor
