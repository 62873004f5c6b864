#pragma once

#include "StudioSettings.h"

#include <QObject>
#include <QPalette>

namespace builder::views {

// Light and dark palettes on the Fusion style. "System" keeps the platform's
// palette (which follows the desktop theme) and re-applies when it changes.
class ThemeManager : public QObject
{
    Q_OBJECT
public:
    explicit ThemeManager(QObject* parent = nullptr);

    void apply(StudioSettings::Theme theme);
    StudioSettings::Theme theme() const { return m_theme; }
    bool isDark() const;
    static QPalette darkPalette();
    static QPalette lightPalette();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    StudioSettings::Theme m_theme = StudioSettings::Theme::System;
    QPalette m_systemPalette;
    bool m_applying = false;
};

} // namespace builder::views
