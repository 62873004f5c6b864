#include "PipelineFixture.h"

#include "support/GitFixture.h"
#include "support/GrpcTestClient.h"

#include <csignal>

namespace builder::itest {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;
using testing::GitFixture;
using testing::GrpcTestClient;

namespace {
const QString kSource = QStringLiteral(BUILDER_SOURCE_DIR);
}

PipelineFixture::PipelineFixture() : PipelineFixture(Options{}) {}

QString PipelineFixture::sourceDir()
{
    return kSource;
}

PipelineFixture::PipelineFixture(Options options)
    : m_options(std::move(options)), m_model(kSource + "/resources/demo/answers.json")
{}

PipelineFixture::~PipelineFixture()
{
    m_features.reset();
    m_repos.reset();
    m_admin.reset();
    m_channel.reset();
    if (m_builderd)
        m_builderd->stop();
    m_llm.stop();
}

bool PipelineFixture::start()
{
    if (!m_model.ok()) {
        m_error = "cannot read resources/demo/answers.json";
        return false;
    }
    QString error;
    if (!GitFixture::createBareFromDirectory(kSource + "/resources/demo/sample-repo", remotePath(),
                                             "main", &error)) {
        m_error = "sample remote: " + error;
        return false;
    }
    m_llm.setResponder([this](const fakes::FakeRequest& r) { return m_model.answer(r); });
    if (!m_llm.start(QHostAddress::LocalHost, 0, &m_error))
        return false;
    m_dataDir = m_scratch.path() + "/data";
    if (!startBuilderd())
        return false;
    rv1::RegisterRequest request;
    request.set_name("textstats");
    request.set_url(remotePath().toStdString());
    for (const auto& [key, value] : m_options.repositoryProperties)
        (*request.mutable_properties()->mutable_values())[key] = value;
    rv1::RegisterResponse response;
    auto status = m_repos->Register(ctx().get(), request, &response);
    if (!status.ok()) {
        m_error = "register: " + QString::fromStdString(status.error_message());
        return false;
    }
    m_repositoryId = response.repository().id();
    return true;
}

bool PipelineFixture::startBuilderd()
{
    testing::BuilderdProcess::Options options;
    options.pipeline = true;
    options.dataDir = m_dataDir;
    options.extraArgs = QStringList{"--rate-limits", "off"} + m_options.extraArgs;
    if (!m_options.replayCassette.isEmpty())
        options.environment = QStringList{"BUILDER_LLM_REPLAY=" + m_options.replayCassette};
    else
        options.environment =
            QStringList{"ANTHROPIC_API_KEY=test-key",
                        "ANTHROPIC_BASE_URL=" + QString::fromStdString(m_llm.baseUrl()),
                        "BUILDER_LLM_PROVIDERS=anthropic"};
    if (!m_options.recordCassette.isEmpty())
        options.environment += "BUILDER_LLM_RECORD=" + m_options.recordCassette;
    options.environment += m_options.environment;
    m_builderd = std::make_unique<testing::BuilderdProcess>(options);
    if (!m_builderd->start()) {
        m_error = m_builderd->errorString();
        return false;
    }
    return connect();
}

bool PipelineFixture::connect()
{
    m_token = m_builderd->adminToken();
    m_channel = GrpcTestClient::channel(m_builderd->grpcAddress());
    m_features = fv1::FeatureService::NewStub(m_channel);
    m_repos = rv1::RepositoryService::NewStub(m_channel);
    m_admin = feature::admin::v1::AdminService::NewStub(m_channel);
    return !m_token.isEmpty();
}

bool PipelineFixture::killAndRestart()
{
    m_features.reset();
    m_repos.reset();
    m_admin.reset();
    m_channel.reset();
    ::kill(static_cast<pid_t>(m_builderd->pid()), SIGKILL);
    m_builderd->stop(5000);
    return startBuilderd();
}

std::unique_ptr<grpc::ClientContext> PipelineFixture::ctx(int timeoutMs) const
{
    return GrpcTestClient::context(m_token, timeoutMs);
}

fv1::FeatureConstraints PipelineFixture::defaults()
{
    fv1::FeatureConstraints c;
    c.set_max_steps(5);
    c.set_timeout_minutes(10);
    c.set_require_tests(true);
    return c;
}

grpc::Status PipelineFixture::submit(fv1::FeatureExecution* out,
                                     const fv1::FeatureConstraints& constraints)
{
    fv1::CreateRequest request;
    auto* spec = request.mutable_spec();
    spec->set_title(m_model.title().toStdString());
    spec->set_description(m_model.description().toStdString());
    spec->set_repository_id(m_repositoryId);
    *spec->mutable_constraints() = constraints;
    fv1::CreateResponse response;
    auto status = m_features->Create(ctx().get(), request, &response);
    if (out)
        *out = response.execution();
    return status;
}

std::vector<fv1::FeatureState> PipelineFixture::terminal()
{
    return {fv1::FEATURE_STATE_COMPLETED, fv1::FEATURE_STATE_FAILED, fv1::FEATURE_STATE_CANCELLED};
}

fv1::FeatureExecution PipelineFixture::waitForState(const std::string& id,
                                                    std::vector<fv1::FeatureState> states,
                                                    int timeoutMs)
{
    fv1::FeatureExecution last;
    auto current = [&] {
        fv1::GetRequest request;
        request.set_id(id);
        fv1::GetResponse response;
        if (m_features && m_features->Get(ctx().get(), request, &response).ok())
            last = response.execution();
        for (auto s : states)
            if (last.state() == s)
                return true;
        return false;
    };
    if (current())
        return last;
    // Every state change is an event: wake on each, then look.
    auto context = ctx(timeoutMs);
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(id);
    request.add_event_types("feature.state_changed");
    auto reader = m_features->ListEvents(context.get(), request);
    fv1::ListEventsResponse message;
    while (reader->Read(&message))
        if (current())
            break;
    context->TryCancel();
    reader->Finish();
    current();
    return last;
}

std::vector<fv1::FeatureEvent> PipelineFixture::events(const std::string& id)
{
    // The stream stays open for live events; a short deadline ends the replay.
    auto context = ctx(1500);
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(id);
    auto reader = m_features->ListEvents(context.get(), request);
    std::vector<fv1::FeatureEvent> out;
    fv1::ListEventsResponse message;
    while (reader->Read(&message))
        out.push_back(message.event());
    reader->Finish();
    return out;
}

bool PipelineFixture::waitForEvent(const std::string& id, const std::string& type, int timeoutMs)
{
    auto context = ctx(timeoutMs);
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(id);
    request.add_event_types(type);
    auto reader = m_features->ListEvents(context.get(), request);
    fv1::ListEventsResponse message;
    const bool seen = reader->Read(&message);
    context->TryCancel();
    reader->Finish();
    return seen;
}

QString PipelineFixture::remoteGit(const QStringList& args, bool* ok) const
{
    QString out;
    const bool done =
        GitFixture::git(QStringList{"--git-dir", remotePath()} + args, m_scratch.path(), &out);
    if (ok)
        *ok = done;
    return out.trimmed();
}

} // namespace builder::itest
