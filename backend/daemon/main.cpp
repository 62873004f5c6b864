// builderd: the Builder backend. See DaemonOptions::usage().
#include "AuditCommand.h"
#include "BuilderServer.h"
#include "DaemonOptions.h"
#include "DoctorCommand.h"
#include "TokenCommand.h"

#include <QCoreApplication>

#include <csignal>
#include <iostream>
#include <pthread.h>

using builder::daemon::BuilderServer;
using builder::daemon::DaemonOptions;

namespace {

int serve(const std::vector<std::string>& args)
{
    auto options = DaemonOptions::parse(args);
    if (!options.ok()) {
        std::cerr << "error: " << options.error().message() << "\n" << DaemonOptions::usage();
        return 2;
    }
    // Signals are taken synchronously by this thread; every thread started
    // from here on inherits the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    BuilderServer server(options.value());
    if (auto status = server.start(); !status.ok()) {
        std::cerr << "error: " << status.error().message() << "\n";
        return 1;
    }
    std::cout << "grpc: " << server.grpcAddress() << "\n"
              << "http: " << server.httpAddress() << "\n"
              << "data: " << options->dataDir << "\n"
              << "admin token: " << server.adminTokenPath() << "\n"
              << std::flush;
    int received = 0;
    sigwait(&stopSignals, &received);
    std::cerr << "builderd: " << (received == SIGTERM ? "SIGTERM" : "SIGINT")
              << " received, draining\n";
    server.shutdown();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv); // the HTTP server's Qt networking needs one
    std::vector<std::string> args(argv + 1, argv + argc);
    const std::string command = args.empty() ? "" : args.front();
    std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (command == "serve")
        return serve(rest);
    if (command == "token")
        return builder::daemon::TokenCommand::run(rest);
    if (command == "audit")
        return builder::daemon::AuditCommand::run(rest);
    if (command == "doctor")
        return builder::daemon::DoctorCommand::run(rest);
    if (command == "version" || command == "--version") {
        std::cout << "builderd " << BUILDER_VERSION << "\n";
        return 0;
    }
    std::cerr << DaemonOptions::usage();
    return command == "help" || command == "--help" ? 0 : 2;
}
