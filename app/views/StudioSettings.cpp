#include "StudioSettings.h"

#include <QSettings>

namespace builder::views {

StudioSettings StudioSettings::load()
{
    QSettings store;
    StudioSettings s;
    s.mode = store.value("connection/mode").toString() == QLatin1String("remote")
                 ? client::ConnectionSettings::Mode::Remote
                 : client::ConnectionSettings::Mode::Local;
    s.remoteAddress = store.value("connection/address").toString();
    s.remoteTls = store.value("connection/tls", true).toBool();
    s.remoteCaFile = store.value("connection/caFile").toString();
    const QString theme = store.value("ui/theme").toString();
    s.theme = theme == QLatin1String("dark")    ? Theme::Dark
              : theme == QLatin1String("light") ? Theme::Light
                                                : Theme::System;
    s.language = store.value("ui/language").toString();
    const QString transport = store.value("events/transport").toString();
    s.eventTransport = transport == QLatin1String("grpc")
                           ? client::ConnectionSettings::EventTransport::Grpc
                       : transport == QLatin1String("websocket")
                           ? client::ConnectionSettings::EventTransport::WebSocket
                           : client::ConnectionSettings::EventTransport::Automatic;
    s.notifications = store.value("ui/notifications", true).toBool();
    s.keepLocalServerRunning = store.value("connection/keepLocalServer", false).toBool();
    return s;
}

void StudioSettings::save() const
{
    QSettings store;
    store.setValue("connection/mode",
                   mode == client::ConnectionSettings::Mode::Remote ? "remote" : "local");
    store.setValue("connection/address", remoteAddress);
    store.setValue("connection/tls", remoteTls);
    store.setValue("connection/caFile", remoteCaFile);
    store.setValue("ui/theme", theme == Theme::Dark    ? "dark"
                               : theme == Theme::Light ? "light"
                                                       : "system");
    store.setValue("ui/language", language);
    using T = client::ConnectionSettings::EventTransport;
    store.setValue("events/transport", eventTransport == T::Grpc        ? "grpc"
                                       : eventTransport == T::WebSocket ? "websocket"
                                                                        : "automatic");
    store.setValue("ui/notifications", notifications);
    store.setValue("connection/keepLocalServer", keepLocalServerRunning);
}

} // namespace builder::views
