// builder-studio: the Builder desktop client. See StudioOptions for the command line.
#include "StudioLauncher.h"
#include "StudioOptions.h"

#include <QApplication>
#include <QElapsedTimer>

#include <iostream>

int main(int argc, char** argv)
{
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("builder-studio"));
    QApplication::setOrganizationName(QStringLiteral("builder"));
    QApplication::setApplicationDisplayName(QStringLiteral("Builder Studio"));
    QApplication::setApplicationVersion(QStringLiteral(BUILDER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("builder-studio"));

    auto options = builder::studio::StudioOptions::parse(QApplication::arguments());
    if (!options.ok()) {
        std::cerr << "error: " << options.error().message() << "\n"
                  << "Run 'builder-studio --help' for usage.\n";
        return 2;
    }
    builder::studio::StudioLauncher launcher(options.value(), sinceLaunch);
    launcher.start();
    return QApplication::exec();
}
