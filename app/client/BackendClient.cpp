#include "BackendClient.h"

#include "AdminApi.h"
#include "AnalysisApi.h"
#include "BackendInternals.h"
#include "Delivery.h"
#include "FeatureApi.h"
#include "RepositoryApi.h"
#include "ReviewApi.h"
#include "ServiceProbe.h"

#include <grpcpp/grpcpp.h>

#include <QPointer>

namespace builder::client {

namespace {

// How often the watcher re-checks; also bounds how long destruction waits for it.
constexpr std::chrono::milliseconds kWatchSlice{200};

} // namespace

BackendClient::BackendClient(ConnectionSettings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)),
      m_identity(Identity::fromToken(m_settings.token)),
      m_internals(std::make_unique<BackendInternals>(m_settings)),
      m_repositories(std::make_unique<RepositoryApi>(*m_internals)),
      m_features(std::make_unique<FeatureApi>(*m_internals)),
      m_reviews(std::make_unique<ReviewApi>(*m_internals)),
      m_admin(std::make_unique<AdminApi>(*m_internals)),
      m_probe(std::make_unique<ServiceProbe>(*m_internals)),
      m_analysis(std::make_unique<AnalysisApi>(*m_internals))
{
    QPointer<QObject> self(this);
    m_internals->setStatusObserver([self](int code) {
        if (code == static_cast<int>(grpc::StatusCode::UNAVAILABLE))
            deliver(self, [self] {
                static_cast<BackendClient*>(self.data())->setReachability(Reachability::Offline);
            });
    });
    m_watcher = std::thread([this] { watchChannel(); });
}

BackendClient::~BackendClient()
{
    m_stopWatching = true;
    if (m_watcher.joinable())
        m_watcher.join();
    m_internals->setStatusObserver({});
    m_analysis.reset();
    m_probe.reset();
    m_admin.reset();
    m_reviews.reset();
    m_features.reset();
    m_repositories.reset();
    m_internals.reset();
}

void BackendClient::setReachability(Reachability reachability)
{
    if (reachability == m_reachability)
        return;
    m_reachability = reachability;
    emit reachabilityChanged(reachability);
}

void BackendClient::watchChannel()
{
    QPointer<QObject> self(this);
    auto channel = m_internals->channel();
    auto last = channel->GetState(true);
    bool first = true;
    while (!m_stopWatching) {
        channel->WaitForStateChange(last, std::chrono::system_clock::now() + kWatchSlice);
        const auto state = channel->GetState(true);
        if (state == last && !first)
            continue;
        first = false;
        last = state;
        Reachability reachability = Reachability::Connecting;
        if (state == GRPC_CHANNEL_READY)
            reachability = Reachability::Online;
        else if (state == GRPC_CHANNEL_TRANSIENT_FAILURE || state == GRPC_CHANNEL_SHUTDOWN)
            reachability = Reachability::Offline;
        else
            continue; // IDLE and CONNECTING keep what we knew
        deliver(self, [self, reachability] {
            static_cast<BackendClient*>(self.data())->setReachability(reachability);
        });
    }
}

} // namespace builder::client
