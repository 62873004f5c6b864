#include "AuditCommand.h"

#include "DataDirectory.h"
#include "common/LocalEndpoint.h"
#include "core/AuditChain.h"
#include "store/Database.h"

#include <filesystem>
#include <iostream>

namespace builder::daemon {

int AuditCommand::run(const std::vector<std::string>& args)
{
    if (args.empty() || args[0] != "verify") {
        std::cerr << "usage: builderd audit verify [--data-dir DIR]\n";
        return 2;
    }
    std::string dataDir = common::LocalEndpoint::defaultDataDir();
    for (std::size_t i = 1; i < args.size(); i += 2) {
        if (args[i] != "--data-dir") {
            std::cerr << "error: unknown option " << args[i] << "\n";
            return 2;
        }
        if (i + 1 >= args.size()) {
            std::cerr << "error: --data-dir needs a value\n";
            return 2;
        }
        dataDir = args[i + 1];
    }
    DataDirectory dir(dataDir);
    // Verifying never creates a database where there was none.
    if (!std::filesystem::exists(dir.file(DataDirectory::kDatabaseFile))) {
        std::cerr << "error: no database at " << dir.file(DataDirectory::kDatabaseFile) << "\n";
        return 1;
    }
    auto db = dir.openDatabase();
    if (!db.ok()) {
        std::cerr << "error: " << db.error().message() << "\n";
        return 1;
    }
    auto status =
        db.value()->read([](store::Connection& c) -> common::Result<core::AuditChain::Status> {
            return core::AuditChain::verify(c);
        });
    if (!status.ok()) {
        std::cerr << "error: " << status.error().message() << "\n";
        return 1;
    }
    if (!status->intact) {
        std::cout << "audit log BROKEN at entry " << status->firstBrokenSeq << ": "
                  << status->problem << "\n"
                  << status->verifiedEntries << " entries before it verified\n";
        return 1;
    }
    std::cout << "audit log intact: " << status->verifiedEntries << " entries";
    if (!status->headHash.empty())
        std::cout << ", head " << status->headHash;
    std::cout << "\n";
    return 0;
}

} // namespace builder::daemon
