#pragma once

#include <QString>

#include <functional>

namespace builder::client {
class BackendClient;
}
namespace builder::cache {
class OfflineCache;
}
namespace builder::models {
class RepositoryListModel;
}

namespace builder::views {

class TrayNotifier;

// What every screen shares: the server link, the offline cache, the repository
// list and where messages for the activity log go. Owned by the MainWindow.
struct StudioContext
{
    client::BackendClient* client = nullptr;
    cache::OfflineCache* cache = nullptr;
    models::RepositoryListModel* repositories = nullptr;
    TrayNotifier* notifier = nullptr;
    std::function<void(const QString&)> report; // the activity log
    std::function<bool()> online;
};

} // namespace builder::views
