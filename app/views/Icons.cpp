#include "Icons.h"

#include <QApplication>
#include <QHash>
#include <QPalette>

namespace builder::views {

QIcon Icons::get(const QString& name)
{
    static QHash<QString, QIcon> cache;
    // Lighter strokes on dark palettes (the window is rebuilt when the theme changes).
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    const QString key = dark ? QStringLiteral("dark/") + name : name;
    auto it = cache.find(key);
    if (it == cache.end()) {
        const QString path = QStringLiteral(":/studio/icons/%1.svg").arg(key);
        QIcon icon(path);
        // The same drawing when selected: the engine's tinted default vanishes
        // into the highlight colour.
        icon.addFile(path, QSize(), QIcon::Selected, QIcon::Off);
        icon.addFile(path, QSize(), QIcon::Active, QIcon::Off);
        it = cache.insert(key, icon);
    }
    return it.value();
}

} // namespace builder::views
