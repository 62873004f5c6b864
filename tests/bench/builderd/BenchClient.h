#pragma once

#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <QString>

#include <memory>
#include <string>

namespace builder::bench {

// Client-side helpers shared by the sections: channels, authenticated calls,
// and the standard health check used as the "plain unary gRPC" baseline.
class BenchClient
{
public:
    BenchClient(QString address, QString token);

    // A channel with its own TCP connection (a local subchannel pool: gRPC would
    // otherwise share one connection between channels to the same address).
    std::shared_ptr<grpc::Channel> dedicatedChannel() const;
    // Waits until the channel is connected; false after `timeoutMs`.
    static bool connect(const std::shared_ptr<grpc::Channel>& channel, int timeoutMs = 10000);

    std::unique_ptr<grpc::ClientContext> context(int timeoutMs = 10000) const;
    const QString& address() const { return m_address; }
    std::string token() const { return m_token.toStdString(); }

    // Registers a repository by URL; returns its id or "" (with the reason).
    std::string registerRepository(const std::shared_ptr<grpc::Channel>& channel,
                                   const std::string& name, const std::string& url,
                                   std::string* error) const;
    // Creates one execution; returns its id or "" (with the reason).
    std::string createExecution(feature::feature::v1::FeatureService::Stub& stub,
                                const std::string& repositoryId, const std::string& title,
                                std::string* error) const;

    static std::string describe(const grpc::Status& status);

private:
    QString m_address;
    QString m_token;
};

// grpc.health.v1.Health/Check through a generic stub (no generated code): an
// empty request, the answer must be SERVING. One completion queue per pinger,
// used like a blocking call.
class HealthPinger
{
public:
    explicit HealthPinger(std::shared_ptr<grpc::Channel> channel);
    ~HealthPinger();
    HealthPinger(const HealthPinger&) = delete;
    HealthPinger& operator=(const HealthPinger&) = delete;

    bool ping(std::string* error);

private:
    std::shared_ptr<grpc::Channel> m_channel;
    grpc::GenericStub m_stub;
    grpc::CompletionQueue m_queue;
    grpc::ByteBuffer m_request;
};

} // namespace builder::bench
