#include "ErrorText.h"

namespace builder::views {

QString ErrorText::codeName(common::StatusCode code)
{
    return QString::fromLatin1(common::connectCodeName(code)).toUpper();
}

QString ErrorText::describe(const common::Error& error, const QString& what)
{
    const QString message = QString::fromStdString(error.message());
    switch (error.code()) {
    case common::StatusCode::Unimplemented:
        return tr("%1 answered UNIMPLEMENTED: this server does not offer it yet.%2")
            .arg(what, message.isEmpty() ? QString() : QStringLiteral(" (") + message + ')');
    case common::StatusCode::Unavailable:
        return tr("%1 failed: the server cannot be reached (UNAVAILABLE). %2").arg(what, message);
    case common::StatusCode::PermissionDenied:
        return tr("%1 answered PERMISSION_DENIED: your role may not do this. %2")
            .arg(what, message);
    case common::StatusCode::Unauthenticated:
        return tr("%1 answered UNAUTHENTICATED: the token was not accepted. %2").arg(what, message);
    default:
        break;
    }
    QString text = tr("%1 answered %2: %3").arg(what, codeName(error.code()), message);
    for (const auto& violation : error.violations())
        text += QStringLiteral("\n  %1: %2")
                    .arg(QString::fromStdString(violation.fieldPath),
                         QString::fromStdString(violation.message));
    return text;
}

} // namespace builder::views
