#pragma once

#include "ConnectionSettings.h"
#include "Identity.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <thread>

namespace builder::client {

class AdminApi;
class AnalysisApi;
class BackendInternals;
class FeatureApi;
class RepositoryApi;
class ReviewApi;
class ServiceProbe;

// The Studio's link to one builderd. Calls run on worker threads and answer
// on the GUI thread; a watcher thread reports whether the server is reachable.
class BackendClient : public QObject
{
    Q_OBJECT
public:
    enum class Reachability
    {
        Connecting,
        Online,
        Offline
    };
    Q_ENUM(Reachability)

    explicit BackendClient(ConnectionSettings settings, QObject* parent = nullptr);
    ~BackendClient() override;

    const ConnectionSettings& settings() const { return m_settings; }
    const Identity& identity() const { return m_identity; }
    Reachability reachability() const { return m_reachability; }

    RepositoryApi& repositories() { return *m_repositories; }
    FeatureApi& features() { return *m_features; }
    ReviewApi& reviews() { return *m_reviews; }
    AdminApi& admin() { return *m_admin; }
    ServiceProbe& probe() { return *m_probe; }
    AnalysisApi& analysis() { return *m_analysis; }
    BackendInternals& internals() { return *m_internals; }

signals:
    void reachabilityChanged(builder::client::BackendClient::Reachability reachability);

private:
    void setReachability(Reachability reachability);
    void watchChannel();

    ConnectionSettings m_settings;
    Identity m_identity;
    Reachability m_reachability = Reachability::Connecting;
    std::unique_ptr<BackendInternals> m_internals;
    std::unique_ptr<RepositoryApi> m_repositories;
    std::unique_ptr<FeatureApi> m_features;
    std::unique_ptr<ReviewApi> m_reviews;
    std::unique_ptr<AdminApi> m_admin;
    std::unique_ptr<ServiceProbe> m_probe;
    std::unique_ptr<AnalysisApi> m_analysis;
    std::atomic<bool> m_stopWatching{false};
    std::thread m_watcher;
};

} // namespace builder::client
