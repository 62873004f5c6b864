#include "ConnectionSettings.h"

#include <QHostAddress>

namespace builder::client {

QString ConnectionSettings::serverKey() const
{
    // A local builderd may move ports between runs; its data directory does not.
    if (mode == Mode::Local)
        return QStringLiteral("local:") + dataDir;
    return (tls ? QStringLiteral("grpcs://") : QStringLiteral("grpc://")) + grpcAddress;
}

bool ConnectionSettings::isLoopback() const
{
    QString host = grpcAddress;
    if (host.startsWith('[')) {
        host = host.mid(1, host.indexOf(']') - 1);
    } else if (host.count(':') == 1) {
        host = host.section(':', 0, 0);
    }
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace builder::client
