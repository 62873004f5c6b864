#include "ApiFixture.h"

#include "support/GitFixture.h"
#include "support/GrpcTestClient.h"

#include <QRegularExpression>

namespace builder::itest {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;
using testing::BuilderdProcess;
using testing::GitFixture;
using testing::GrpcTestClient;

ApiFixture::ApiFixture()
{
    BuilderdProcess::Options options;
    options.extraArgs = {"--rate-limits", "off"};
    m_builderd = std::make_unique<BuilderdProcess>(options);
}

ApiFixture::~ApiFixture()
{
    stop();
}

bool ApiFixture::start()
{
    if (!m_scratch.isValid()) {
        m_error = "cannot create a scratch directory";
        return false;
    }
    if (!m_builderd->start()) {
        m_error = m_builderd->errorString();
        return false;
    }
    m_token = m_builderd->adminToken();
    if (m_token.isEmpty()) {
        m_error = "builderd wrote no admin token";
        return false;
    }
    m_channel = GrpcTestClient::channel(m_builderd->grpcAddress());
    m_repos = rv1::RepositoryService::NewStub(m_channel);
    m_features = fv1::FeatureService::NewStub(m_channel);
    return true;
}

int ApiFixture::stop()
{
    // Drop the connection first: builderd's drain waits (up to its 2 s bound)
    // for connected clients to go away, not only for calls in flight.
    m_features.reset();
    m_repos.reset();
    m_channel.reset();
    return m_builderd->stop();
}

std::unique_ptr<grpc::ClientContext> ApiFixture::ctx(int timeoutMs) const
{
    return GrpcTestClient::context(m_token, timeoutMs);
}

QString ApiFixture::makeBareRepo(const QString& name, const QString& branch)
{
    const QString path = m_scratch.path() + "/" + name + ".git";
    QString error;
    if (!GitFixture::createBareWithCommit(path, branch, &error)) {
        m_error = "cannot create bare repository " + path + ": " + error;
        return {};
    }
    return path;
}

grpc::Status ApiFixture::registerRepo(const rv1::RegisterRequest& request, rv1::Repository* out)
{
    rv1::RegisterResponse response;
    auto context = ctx(30000);
    auto status = m_repos->Register(context.get(), request, &response);
    if (status.ok() && out)
        *out = response.repository();
    return status;
}

grpc::Status ApiFixture::registerRemote(const std::string& name, const std::string& url,
                                        rv1::Repository* out, const std::string& defaultBranch)
{
    rv1::RegisterRequest request;
    request.set_name(name);
    request.set_url(url);
    request.set_default_branch(defaultBranch);
    return registerRepo(request, out);
}

fv1::CreateRequest ApiFixture::featureRequest(const std::string& repositoryId,
                                              const std::string& title,
                                              const std::string& description)
{
    fv1::CreateRequest request;
    request.mutable_spec()->set_title(title);
    request.mutable_spec()->set_description(description);
    request.mutable_spec()->set_repository_id(repositoryId);
    return request;
}

grpc::Status ApiFixture::createFeature(const fv1::CreateRequest& request,
                                       fv1::FeatureExecution* out)
{
    fv1::CreateResponse response;
    auto context = ctx();
    auto status = m_features->Create(context.get(), request, &response);
    if (status.ok() && out)
        *out = response.execution();
    return status;
}

grpc::Status ApiFixture::cancelFeature(const std::string& id, fv1::FeatureExecution* out,
                                       const std::string& reason)
{
    fv1::CancelRequest request;
    request.set_id(id);
    request.set_reason(reason);
    fv1::CancelResponse response;
    auto context = ctx();
    auto status = m_features->Cancel(context.get(), request, &response);
    if (status.ok() && out)
        *out = response.execution();
    return status;
}

std::string ApiFixture::trailer(const grpc::ClientContext& ctx, const std::string& key)
{
    const auto& trailers = ctx.GetServerTrailingMetadata();
    const auto it = trailers.find(key);
    return it == trailers.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

bool ApiFixture::isUuid(const std::string& text)
{
    static const QRegularExpression kUuid(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    return kUuid.match(QString::fromStdString(text)).hasMatch();
}

} // namespace builder::itest
