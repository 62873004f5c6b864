#include "AdminColumns.h"

#include "models/TimeText.h"

namespace builder::views {

QVariant AdminColumns::text(int role, const std::string& value)
{
    return text(role, QString::fromStdString(value));
}

QVariant AdminColumns::text(int role, const QString& value)
{
    return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(value) : QVariant();
}

QVariant AdminColumns::time(int role, const google::protobuf::Timestamp& timestamp)
{
    return text(role, models::TimeText::shortLocal(models::TimeText::toMsecs(timestamp)));
}

QString AdminColumns::roleName(feature::admin::v1::Role role)
{
    switch (role) {
    case feature::admin::v1::ROLE_ENGINEER:
        return tr("engineer");
    case feature::admin::v1::ROLE_REVIEWER:
        return tr("reviewer");
    case feature::admin::v1::ROLE_ADMIN:
        return tr("admin");
    default:
        return tr("unknown");
    }
}

} // namespace builder::views
