#include "TimeText.h"

#include <QLocale>

namespace builder::models {

qint64 TimeText::toMsecs(const google::protobuf::Timestamp& timestamp)
{
    return timestamp.seconds() * 1000 + timestamp.nanos() / 1000000;
}

google::protobuf::Timestamp TimeText::fromDateTime(const QDateTime& time)
{
    google::protobuf::Timestamp out;
    const qint64 ms = time.toMSecsSinceEpoch();
    out.set_seconds(ms / 1000);
    out.set_nanos(static_cast<int>(ms % 1000) * 1000000);
    return out;
}

QString TimeText::shortLocal(qint64 msecsSinceEpoch)
{
    if (msecsSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace builder::models
