#pragma once

#include "feature/admin/v1/admin.grpc.pb.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QString>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace builder::testing {

// A signed-in gRPC client of one builderd (features, repositories, admin) with the
// waits that pipeline-level tests and benchmarks share: a state reached, an event
// appended, the event log so far.
class FeatureClient
{
public:
    FeatureClient(const QString& address, QString token);

    std::unique_ptr<grpc::ClientContext> ctx(int timeoutMs = 10000) const;
    feature::feature::v1::FeatureService::Stub& features() { return *m_features; }
    feature::repository::v1::RepositoryService::Stub& repositories() { return *m_repos; }
    feature::admin::v1::AdminService::Stub& admin() { return *m_admin; }
    bool signedIn() const { return !m_token.isEmpty(); }

    // Registers `url` under `name` with these properties; the new id in *id.
    grpc::Status registerRepository(const std::string& name, const std::string& url,
                                    const std::map<std::string, std::string>& properties,
                                    std::string* id);

    // Polls Get until the execution is in one of `states`, at most timeoutMs; the
    // last execution seen either way.
    feature::feature::v1::FeatureExecution
    waitForState(const std::string& id,
                 const std::vector<feature::feature::v1::FeatureState>& states,
                 int timeoutMs = 60000);
    static std::vector<feature::feature::v1::FeatureState> terminal();
    // Every event of an execution so far (a replay that ends at the last one).
    std::vector<feature::feature::v1::FeatureEvent> events(const std::string& id);
    // Waits until an event of `type` was appended.
    bool waitForEvent(const std::string& id, const std::string& type, int timeoutMs = 30000);

private:
    QString m_token;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<feature::feature::v1::FeatureService::Stub> m_features;
    std::unique_ptr<feature::repository::v1::RepositoryService::Stub> m_repos;
    std::unique_ptr<feature::admin::v1::AdminService::Stub> m_admin;
};

} // namespace builder::testing
