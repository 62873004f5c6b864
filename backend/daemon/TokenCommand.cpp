#include "TokenCommand.h"

#include "DataDirectory.h"
#include "common/DurationText.h"
#include "common/LocalEndpoint.h"
#include "core/TokenManager.h"
#include "security/TokenService.h"
#include "store/Database.h"

#include <iostream>

namespace builder::daemon {

long long TokenCommand::parseDurationSeconds(const std::string& text)
{
    // A whole number of seconds, minutes, hours or days; the unit is required.
    const bool unit = !text.empty() && (text.back() == 's' || text.back() == 'm' ||
                                        text.back() == 'h' || text.back() == 'd');
    if (!unit || text.ends_with("ms"))
        return -1;
    const auto duration = common::DurationText::parse(text);
    if (!duration || duration->count() <= 0)
        return -1;
    return std::chrono::duration_cast<std::chrono::seconds>(*duration).count();
}

int TokenCommand::run(const std::vector<std::string>& args)
{
    if (args.empty() || args[0] != "create") {
        std::cerr << "usage: builderd token create [--data-dir DIR] --user NAME --role "
                     "engineer|reviewer|admin [--ttl DURATION]\n";
        return 2;
    }
    std::string dataDir = common::LocalEndpoint::defaultDataDir();
    std::string user;
    std::string roleName;
    std::string ttlText = "30d";
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (i + 1 >= args.size()) {
            std::cerr << "error: " << args[i] << " needs a value\n";
            return 2;
        }
        const std::string& value = args[i + 1];
        if (args[i] == "--data-dir")
            dataDir = value;
        else if (args[i] == "--user")
            user = value;
        else if (args[i] == "--role")
            roleName = value;
        else if (args[i] == "--ttl")
            ttlText = value;
        else {
            std::cerr << "error: unknown option " << args[i] << "\n";
            return 2;
        }
        ++i;
    }
    const auto role = security::parseRole(roleName);
    if (user.empty() || user.size() > 128) {
        std::cerr << "error: --user is required (1 to 128 characters)\n";
        return 2;
    }
    if (!role) {
        std::cerr << "error: --role must be engineer, reviewer or admin\n";
        return 2;
    }
    const long long ttl = parseDurationSeconds(ttlText);
    if (ttl <= 0 || ttl > 366LL * 86400) {
        std::cerr << "error: --ttl must be a duration like 90m, 12h or 30d, at most 366d\n";
        return 2;
    }
    DataDirectory dir(dataDir);
    if (auto status = dir.ensureExists(); !status.ok()) {
        std::cerr << "error: " << status.error().message() << "\n";
        return 1;
    }
    auto db = dir.openDatabase();
    auto tokens = db.ok() ? dir.tokenService()
                          : common::Result<std::unique_ptr<security::TokenService>>(db.error());
    if (!tokens.ok()) {
        std::cerr << "error: " << tokens.error().message() << "\n";
        return 1;
    }
    auto token = core::TokenManager::issue(*db.value(), *tokens.value(), user, *role,
                                           std::chrono::seconds(ttl), "builderd token create", "");
    if (!token.ok()) {
        std::cerr << "error: " << token.error().message() << "\n";
        return 1;
    }
    std::cout << token.value() << std::endl;
    return 0;
}

} // namespace builder::daemon
