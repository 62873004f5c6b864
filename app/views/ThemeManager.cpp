#include "ThemeManager.h"

#include <QApplication>
#include <QEvent>
#include <QStyleFactory>

namespace builder::views {

ThemeManager::ThemeManager(QObject* parent) : QObject(parent)
{
    m_systemPalette = QApplication::palette();
    qApp->installEventFilter(this);
}

QPalette ThemeManager::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x74, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf5));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6e, 0x71, 0x76));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6e, 0x71, 0x76));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6e, 0x71, 0x76));
    return p;
}

QPalette ThemeManager::lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x96));
    p.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x74, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Link, QColor(0x2f, 0x74, 0xd0));
    return p;
}

void ThemeManager::apply(StudioSettings::Theme theme)
{
    m_theme = theme;
    m_applying = true;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    switch (theme) {
    case StudioSettings::Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case StudioSettings::Theme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case StudioSettings::Theme::System:
        // A dark desktop palette gets the tuned dark palette; anything else the light one.
        QApplication::setPalette(m_systemPalette.color(QPalette::Window).lightness() < 128
                                     ? darkPalette()
                                     : lightPalette());
        break;
    }
    m_applying = false;
}

bool ThemeManager::isDark() const
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

bool ThemeManager::eventFilter(QObject* watched, QEvent* event)
{
    // The desktop switched themes: follow it when the user chose "System".
    if (watched == qApp && event->type() == QEvent::ThemeChange && !m_applying &&
        m_theme == StudioSettings::Theme::System) {
        m_applying = true;
        QApplication::setPalette(QPalette()); // an unresolved palette resets to the platform's
        m_systemPalette = QGuiApplication::palette();
        m_applying = false;
        apply(StudioSettings::Theme::System);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace builder::views
