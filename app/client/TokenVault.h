#pragma once

#include <QObject>
#include <QString>

namespace builder::client {

// Remote tokens in the system keychain (QtKeychain: Secret Service, KWallet).
// Where no keychain service runs, it says so through unavailable() and nothing
// is written anywhere: the token then lives in memory for this session only.
class TokenVault : public QObject
{
    Q_OBJECT
public:
    static constexpr const char* kService = "builder-studio";

    using QObject::QObject;

    void store(const QString& serverKey, const QString& token);
    void load(const QString& serverKey);
    void remove(const QString& serverKey);

    // The sentence the Studio shows when the keychain cannot be used.
    static QString fallbackMessage(const QString& reason);

signals:
    void stored(const QString& serverKey);
    void loaded(const QString& serverKey, const QString& token); // empty: none stored
    void removed(const QString& serverKey);
    void unavailable(const QString& message);
};

} // namespace builder::client
