#include "LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace builder::views {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

QString LanguageManager::nativeName(const QString& code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

QString LanguageManager::apply(const QString& language)
{
    QString code = language;
    if (code.isEmpty()) {
        code = QLocale::system().name().left(2);
        if (!available().contains(code))
            code = QStringLiteral("en");
    }
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_studio);
        QCoreApplication::removeTranslator(&m_qt);
        m_installed = false;
    }
    QLocale::setDefault(QLocale(code));
    // Embedded by qt_add_translations under :/i18n; English has one too, for plural forms.
    if (m_studio.load(QStringLiteral(":/i18n/builder_studio_%1.qm").arg(code))) {
        if (code != QLatin1String("en") &&
            m_qt.load(QStringLiteral("qtbase_%1").arg(code),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
        QCoreApplication::installTranslator(&m_studio);
        m_installed = true;
    }
    return code;
}

} // namespace builder::views
