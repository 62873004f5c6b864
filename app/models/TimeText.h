#pragma once

#include <google/protobuf/timestamp.pb.h>

#include <QDateTime>
#include <QString>

namespace builder::models {

// Proto timestamps <-> Qt times, and the short local form the tables show.
class TimeText
{
public:
    static qint64 toMsecs(const google::protobuf::Timestamp& timestamp);
    static google::protobuf::Timestamp fromDateTime(const QDateTime& time);
    static QString shortLocal(qint64 msecsSinceEpoch);
};

} // namespace builder::models
