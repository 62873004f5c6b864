#include "AnsiText.h"

#include <QStringList>

namespace builder::views {

QColor AnsiText::paletteColour(int index, bool bright)
{
    // Readable on both light and dark backgrounds.
    static const QColor normal[] = {QColor(0x4d, 0x4d, 0x4d), QColor(0xcd, 0x31, 0x31),
                                    QColor(0x0d, 0xa1, 0x4a), QColor(0xb5, 0x8b, 0x00),
                                    QColor(0x24, 0x72, 0xc8), QColor(0xbc, 0x3f, 0xbc),
                                    QColor(0x11, 0xa8, 0xcd), QColor(0xa0, 0xa0, 0xa0)};
    static const QColor light[] = {QColor(0x76, 0x76, 0x76), QColor(0xf1, 0x4c, 0x4c),
                                   QColor(0x23, 0xd1, 0x8b), QColor(0xd5, 0xb2, 0x1c),
                                   QColor(0x3b, 0x8e, 0xea), QColor(0xd6, 0x70, 0xd6),
                                   QColor(0x29, 0xb8, 0xdb), QColor(0xe5, 0xe5, 0xe5)};
    if (index < 0 || index > 7)
        return {};
    return bright ? light[index] : normal[index];
}

void AnsiText::applySgr(const QString& parameters)
{
    const QStringList codes = parameters.isEmpty() ? QStringList{"0"} : parameters.split(';');
    for (int i = 0; i < codes.size(); ++i) {
        const int code = codes[i].toInt();
        if (code == 0) {
            m_foreground = QColor();
            m_background = QColor();
            m_bold = false;
        } else if (code == 1) {
            m_bold = true;
        } else if (code == 22) {
            m_bold = false;
        } else if (code >= 30 && code <= 37) {
            m_foreground = paletteColour(code - 30, m_bold);
        } else if (code >= 90 && code <= 97) {
            m_foreground = paletteColour(code - 90, true);
        } else if (code == 39) {
            m_foreground = QColor();
        } else if (code >= 40 && code <= 47) {
            m_background = paletteColour(code - 40, false);
        } else if (code == 49) {
            m_background = QColor();
        } else if ((code == 38 || code == 48) && i + 1 < codes.size()) {
            QColor colour;
            if (codes[i + 1] == QLatin1String("5") && i + 2 < codes.size()) {
                const int n = codes[i + 2].toInt();
                colour = n < 8    ? paletteColour(n, false)
                         : n < 16 ? paletteColour(n - 8, true)
                                  : QColor::fromHsv((n * 37) % 360, 160, 200);
                i += 2;
            } else if (codes[i + 1] == QLatin1String("2") && i + 4 < codes.size()) {
                colour = QColor(codes[i + 2].toInt(), codes[i + 3].toInt(), codes[i + 4].toInt());
                i += 4;
            }
            (code == 38 ? m_foreground : m_background) = colour;
        }
    }
}

std::vector<AnsiText::Run> AnsiText::feed(const QString& chunk)
{
    std::vector<Run> runs;
    const QString input = m_pending + chunk;
    m_pending.clear();
    QString text;
    auto flush = [&] {
        if (!text.isEmpty())
            runs.push_back({text, m_foreground, m_background, m_bold});
        text.clear();
    };
    for (int i = 0; i < input.size(); ++i) {
        const QChar c = input[i];
        if (c == QChar(0x1b)) {
            if (i + 1 >= input.size()) {
                m_pending = input.mid(i);
                break;
            }
            if (input[i + 1] != '[') { // a two-character escape: skip it
                ++i;
                continue;
            }
            int end = i + 2;
            while (end < input.size() && !(input[end] >= QChar(0x40) && input[end] <= QChar(0x7e)))
                ++end;
            if (end >= input.size()) {
                m_pending = input.mid(i);
                break;
            }
            if (input[end] == 'm') {
                flush();
                applySgr(input.mid(i + 2, end - i - 2));
            }
            i = end;
            continue;
        }
        if (c == '\r')
            continue; // progress bars redraw with CR; keep the lines readable
        text += c;
    }
    flush();
    return runs;
}

} // namespace builder::views
