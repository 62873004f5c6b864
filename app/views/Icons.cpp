#include "Icons.h"

#include <QHash>

namespace builder::views {

QIcon Icons::get(const QString& name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        const QString path = QStringLiteral(":/studio/icons/%1.svg").arg(name);
        QIcon icon(path);
        // The same drawing when selected: the engine's tinted default vanishes
        // into the highlight colour.
        icon.addFile(path, QSize(), QIcon::Selected, QIcon::Off);
        icon.addFile(path, QSize(), QIcon::Active, QIcon::Off);
        it = cache.insert(name, icon);
    }
    return it.value();
}

} // namespace builder::views
