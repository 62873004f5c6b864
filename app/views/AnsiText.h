#pragma once

#include <QColor>
#include <QString>

#include <vector>

namespace builder::views {

// Splits terminal output into runs of text with their SGR colours (ESC[...m),
// dropping other escape sequences. State carries over between chunks, since a
// sandbox chunk may end in the middle of a sequence.
class AnsiText
{
public:
    struct Run
    {
        QString text;
        QColor foreground; // invalid: default colour
        QColor background;
        bool bold = false;
    };

    std::vector<Run> feed(const QString& chunk);
    static QColor paletteColour(int index, bool bright);

private:
    void applySgr(const QString& parameters);

    QString m_pending; // an escape sequence cut by the chunk end
    QColor m_foreground;
    QColor m_background;
    bool m_bold = false;
};

} // namespace builder::views
