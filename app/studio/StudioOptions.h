#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace builder::studio {

// builder-studio's command line: --local (default) or --server HOST:PORT with
// --token-file, TLS, the local data dir, and the first-paint timing used by the benchmark.
struct StudioOptions
{
    bool remote = false;
    QString server;
    QString tokenFile;
    bool tls = false;
    QString caFile;
    QString dataDir;
    bool startLocal = true;
    QString language;
    bool printFirstPaint = false; // prints "first-paint <ms>" and quits

    // Exits the process for --help/--version (as QCommandLineParser does).
    static common::Result<StudioOptions> parse(const QStringList& arguments);
};

} // namespace builder::studio
