#include "PipelineFixture.h"

#include "support/GitFixture.h"

#include <csignal>

namespace builder::itest {

namespace fv1 = feature::feature::v1;
using testing::FeatureClient;
using testing::GitFixture;

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
    m_client.reset();
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
    auto status = m_client->registerRepository("textstats", remotePath().toStdString(),
                                               m_options.repositoryProperties, &m_repositoryId);
    if (!status.ok()) {
        m_error = "register: " + QString::fromStdString(status.error_message());
        return false;
    }
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
    m_client = std::make_unique<FeatureClient>(m_builderd->grpcAddress(), m_builderd->adminToken());
    return m_client->signedIn();
}

bool PipelineFixture::killAndRestart()
{
    m_client.reset();
    ::kill(static_cast<pid_t>(m_builderd->pid()), SIGKILL);
    m_builderd->stop(5000);
    return startBuilderd();
}

std::unique_ptr<grpc::ClientContext> PipelineFixture::ctx(int timeoutMs) const
{
    return m_client ? m_client->ctx(timeoutMs) : std::make_unique<grpc::ClientContext>();
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
    auto status = m_client->features().Create(ctx().get(), request, &response);
    if (out)
        *out = response.execution();
    return status;
}

std::vector<fv1::FeatureState> PipelineFixture::terminal()
{
    return FeatureClient::terminal();
}

fv1::FeatureExecution PipelineFixture::waitForState(const std::string& id,
                                                    std::vector<fv1::FeatureState> states,
                                                    int timeoutMs)
{
    return m_client ? m_client->waitForState(id, states, timeoutMs) : fv1::FeatureExecution{};
}

std::vector<fv1::FeatureEvent> PipelineFixture::events(const std::string& id)
{
    return m_client->events(id);
}

bool PipelineFixture::waitForEvent(const std::string& id, const std::string& type, int timeoutMs)
{
    return m_client->waitForEvent(id, type, timeoutMs);
}

bool PipelineFixture::commitToMain(const std::function<bool(const QString&)>& edit,
                                   const QString& message)
{
    QTemporaryDir work;
    QString out;
    if (!GitFixture::git({"clone", "-q", remotePath(), work.path() + "/w"}, work.path(), &out))
        return false;
    const auto tree = work.path() + "/w";
    if (!edit(tree))
        return false;
    return GitFixture::git({"add", "-A"}, tree, &out) &&
           GitFixture::git({"commit", "-q", "-m", message}, tree, &out) &&
           GitFixture::git({"push", "-q", "origin", "main"}, tree, &out);
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
