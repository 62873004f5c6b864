#include "StudioOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace builder::studio {

common::Result<StudioOptions> StudioOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "StudioOptions", "Builder Studio: write feature specs, watch executions, review diffs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption local(
        "local", QCoreApplication::translate(
                     "StudioOptions", "Use the local builderd, starting it if needed (default)."));
    const QCommandLineOption server(
        "server", QCoreApplication::translate("StudioOptions", "Remote builderd gRPC address."),
        "HOST:PORT");
    const QCommandLineOption tokenFile(
        "token-file",
        QCoreApplication::translate("StudioOptions", "File holding the bearer token (remote)."),
        "FILE");
    const QCommandLineOption tls(
        "tls", QCoreApplication::translate("StudioOptions", "Use TLS for the remote server."));
    const QCommandLineOption caFile(
        "ca-file",
        QCoreApplication::translate("StudioOptions",
                                    "PEM roots to verify the server (implies --tls)."),
        "FILE");
    const QCommandLineOption dataDir(
        "data-dir",
        QCoreApplication::translate("StudioOptions", "The local builderd's data directory."),
        "DIR");
    const QCommandLineOption noStart(
        "no-start", QCoreApplication::translate(
                        "StudioOptions", "Do not start a local builderd when none answers."));
    const QCommandLineOption language(
        "lang", QCoreApplication::translate("StudioOptions", "Interface language: en, de, fr."),
        "CODE");
    QCommandLineOption hiddenFirstPaint("print-first-paint");
    hiddenFirstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {local, server, tokenFile, tls, caFile, dataDir, noStart, language, hiddenFirstPaint});
    parser.process(arguments);

    StudioOptions options;
    if (parser.isSet(server)) {
        options.remote = true;
        options.server = parser.value(server).trimmed();
        if (options.server.startsWith("http://") || options.server.startsWith("https://") ||
            !options.server.contains(':'))
            return common::Error(common::StatusCode::InvalidArgument,
                                 "--server: expected HOST:PORT, got '" +
                                     options.server.toStdString() + "'");
    }
    if (parser.isSet(local) && options.remote)
        return common::Error(common::StatusCode::InvalidArgument,
                             "--local and --server exclude each other");
    options.tokenFile = parser.value(tokenFile);
    if (options.remote && options.tokenFile.isEmpty())
        return common::Error(common::StatusCode::InvalidArgument,
                             "--server needs --token-file FILE (or a token saved in Settings)");
    options.caFile = parser.value(caFile);
    options.tls = parser.isSet(tls) || !options.caFile.isEmpty();
    options.dataDir = parser.value(dataDir);
    options.startLocal = !parser.isSet(noStart);
    options.language = parser.value(language);
    options.printFirstPaint = parser.isSet(hiddenFirstPaint);
    return options;
}

} // namespace builder::studio
