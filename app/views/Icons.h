#pragma once

#include <QIcon>
#include <QString>

namespace builder::views {

// The Studio's SVG icons (resources/studio/icons), drawn by the SVG icon engine
// at any device pixel ratio.
class Icons
{
public:
    static QIcon get(const QString& name);
};

} // namespace builder::views
