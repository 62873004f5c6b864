#include "EditorTheme.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QPalette>

#include <algorithm>

namespace builder::editor {

bool EditorTheme::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

void EditorTheme::apply(QsciScintilla& editor, QsciLexer* lexer, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = isDark(palette);
    editor.setPaper(base);
    editor.setColor(text);
    editor.setCaretForegroundColor(text);
    editor.setMarginsBackgroundColor(palette.color(QPalette::AlternateBase));
    editor.setMarginsForegroundColor(palette.color(QPalette::PlaceholderText));
    editor.setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    editor.setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    editor.setCaretLineBackgroundColor(dark ? base.lighter(130) : base.darker(106));
    if (!lexer)
        return;
    lexer->setDefaultPaper(base);
    lexer->setPaper(base, -1);
    lexer->setDefaultColor(text);
    if (dark) {
        // Lexer palettes are designed for white paper; lift dark styles so they stay legible.
        for (int style = 0; style < 128; ++style) {
            if (lexer->description(style).isEmpty())
                continue;
            const QColor colour = lexer->color(style);
            if (colour.lightness() >= 110)
                continue;
            // Keep the hue, raise the lightness: dark blue keywords become light blue.
            const bool grey = colour.hslSaturation() < 40;
            lexer->setColor(
                grey ? text
                     : QColor::fromHsl(colour.hslHue(), std::min(colour.hslSaturation(), 200), 175),
                style);
        }
    }
}

} // namespace builder::editor
