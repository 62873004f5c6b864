#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace builder::views {

// Loads the Studio's translation (English, German, French) from the embedded
// .qm files and switches it at run time; widgets retranslate on LanguageChange.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);

    // "en", "de", "fr"; empty follows the system locale. Returns the code in use.
    QString apply(const QString& language);
    static QStringList available() { return {"en", "de", "fr"}; }
    static QString nativeName(const QString& code);

private:
    QTranslator m_studio;
    QTranslator m_qt;
    bool m_installed = false;
};

} // namespace builder::views
