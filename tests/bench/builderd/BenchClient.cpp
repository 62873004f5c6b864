#include "BenchClient.h"

#include <grpc/grpc.h>

#include <chrono>

namespace builder::bench {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

BenchClient::BenchClient(QString address, QString token)
    : m_address(std::move(address)), m_token(std::move(token))
{}

std::shared_ptr<grpc::Channel> BenchClient::dedicatedChannel() const
{
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetMaxReceiveMessageSize(-1);
    return grpc::CreateCustomChannel(m_address.toStdString(), grpc::InsecureChannelCredentials(),
                                     args);
}

bool BenchClient::connect(const std::shared_ptr<grpc::Channel>& channel, int timeoutMs)
{
    return channel->WaitForConnected(std::chrono::system_clock::now() +
                                     std::chrono::milliseconds(timeoutMs));
}

std::unique_ptr<grpc::ClientContext> BenchClient::context(int timeoutMs) const
{
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->AddMetadata("authorization", "Bearer " + m_token.toStdString());
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeoutMs));
    return ctx;
}

std::string BenchClient::describe(const grpc::Status& status)
{
    return "gRPC status " + std::to_string(status.error_code()) + ": " + status.error_message();
}

std::string BenchClient::registerRepository(const std::shared_ptr<grpc::Channel>& channel,
                                            const std::string& name, const std::string& url,
                                            std::string* error) const
{
    auto stub = rv1::RepositoryService::NewStub(channel);
    rv1::RegisterRequest request;
    request.set_name(name);
    request.set_url(url);
    rv1::RegisterResponse response;
    auto ctx = context(30000);
    const auto status = stub->Register(ctx.get(), request, &response);
    if (!status.ok()) {
        *error = "Register " + url + ": " + describe(status);
        return {};
    }
    return response.repository().id();
}

std::string BenchClient::createExecution(fv1::FeatureService::Stub& stub,
                                         const std::string& repositoryId, const std::string& title,
                                         std::string* error) const
{
    fv1::CreateRequest request;
    auto* spec = request.mutable_spec();
    spec->set_title(title);
    spec->set_description("Benchmark feature: " + title +
                          ". Add a health endpoint that reports build status.");
    spec->set_repository_id(repositoryId);
    request.set_idempotency_key("bench-" + title);
    fv1::CreateResponse response;
    auto ctx = context();
    const auto status = stub.Create(ctx.get(), request, &response);
    if (!status.ok()) {
        *error = "Create: " + describe(status);
        return {};
    }
    return response.execution().id();
}

HealthPinger::HealthPinger(std::shared_ptr<grpc::Channel> channel)
    : m_channel(std::move(channel)), m_stub(m_channel)
{
    // An empty HealthCheckRequest (service "" = the whole server) is zero bytes.
    grpc::Slice empty;
    m_request = grpc::ByteBuffer(&empty, 1);
}

HealthPinger::~HealthPinger()
{
    m_queue.Shutdown();
    void* tag = nullptr;
    bool ok = false;
    while (m_queue.Next(&tag, &ok)) {
    }
}

bool HealthPinger::ping(std::string* error)
{
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::ByteBuffer response;
    grpc::Status status;
    auto call = m_stub.PrepareUnaryCall(&ctx, "/grpc.health.v1.Health/Check", m_request, &m_queue);
    call->StartCall();
    call->Finish(&response, &status, this);
    void* tag = nullptr;
    bool ok = false;
    if (!m_queue.Next(&tag, &ok) || tag != this || !ok) {
        *error = "health check: completion queue failed";
        return false;
    }
    if (!status.ok()) {
        *error = "health check: " + BenchClient::describe(status);
        return false;
    }
    // HealthCheckResponse{status: SERVING} is field 1 varint 1: 0x08 0x01.
    std::vector<grpc::Slice> slices;
    response.Dump(&slices);
    std::string bytes;
    for (const auto& s : slices)
        bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    if (bytes != std::string("\x08\x01", 2)) {
        *error = "health check: server is not SERVING";
        return false;
    }
    return true;
}

} // namespace builder::bench
