#pragma once

#include "client/ConnectionSettings.h"

#include <QString>

namespace builder::views {

// The Studio's preferences (QSettings): connection, theme, language, event
// transport, notifications. Secrets are never stored here (tokens go to the keychain).
class StudioSettings
{
public:
    enum class Theme
    {
        System,
        Light,
        Dark
    };

    static StudioSettings load();
    void save() const;

    client::ConnectionSettings::Mode mode = client::ConnectionSettings::Mode::Local;
    QString remoteAddress;
    bool remoteTls = true;
    QString remoteCaFile;
    Theme theme = Theme::System;
    QString language; // "", "en", "de", "fr"; empty follows the system
    client::ConnectionSettings::EventTransport eventTransport =
        client::ConnectionSettings::EventTransport::Automatic;
    bool notifications = true;
    bool keepLocalServerRunning = false;
};

} // namespace builder::views
