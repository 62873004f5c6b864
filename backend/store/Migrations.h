#pragma once

namespace builder::store {

class Connection;

// Versioned schema migrations. The version lives in PRAGMA user_version; each
// step runs in its own transaction, so an older database upgrades in place and
// a failed step leaves it at the previous version.
class Migrations
{
public:
    static int latestVersion();
    // Upgrades to targetVersion (latest when negative). Throws StoreError.
    static void apply(Connection& connection, int targetVersion = -1);
    static int currentVersion(Connection& connection);
};

} // namespace builder::store
