#include "Icons.h"

#include <QHash>

namespace builder::views {

QIcon Icons::get(const QString& name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/studio/icons/%1.svg").arg(name)));
    return it.value();
}

} // namespace builder::views
