#include "Identity.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace builder::client {

Identity Identity::fromToken(const QString& token)
{
    Identity identity;
    const auto parts = token.trimmed().toLatin1().split('.');
    if (parts.size() != 3)
        return identity;
    const auto payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding |
                                                              QByteArray::OmitTrailingEquals);
    const auto claims = QJsonDocument::fromJson(payload).object();
    identity.m_user = claims.value("sub").toString();
    const QString role = claims.value("role").toString();
    if (role == QLatin1String("admin"))
        identity.m_role = Role::Admin;
    else if (role == QLatin1String("reviewer"))
        identity.m_role = Role::Reviewer;
    else if (role == QLatin1String("engineer"))
        identity.m_role = Role::Engineer;
    if (claims.contains("exp"))
        identity.m_expiresAt =
            QDateTime::fromSecsSinceEpoch(static_cast<qint64>(claims.value("exp").toDouble()));
    return identity;
}

QString Identity::roleName(Role role)
{
    switch (role) {
    case Role::Engineer:
        return QStringLiteral("engineer");
    case Role::Reviewer:
        return QStringLiteral("reviewer");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace builder::client
