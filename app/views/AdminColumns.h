#pragma once

#include "feature/admin/v1/admin.pb.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace builder::views {

// Cell text shared by the admin tables.
class AdminColumns
{
    Q_DECLARE_TR_FUNCTIONS(AdminColumns)
public:
    static QVariant text(int role, const std::string& value);
    static QVariant text(int role, const QString& value);
    static QVariant time(int role, const google::protobuf::Timestamp& timestamp);
    static QString roleName(feature::admin::v1::Role role);
};

} // namespace builder::views
