#include "StudioFixture.h"

#include "client/FeatureApi.h"
#include "client/RepositoryApi.h"
#include "support/GitFixture.h"

#include <QFile>

#include <QtTest>

namespace builder::guitest {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;
namespace repo1 = feature::repository::v1;

StudioSession::~StudioSession()
{
    window.reset();
    client.reset();
    cache.reset();
}

StudioFixture::StudioFixture(bool demoPipeline)
{
    testing::BuilderdProcess::Options options;
    options.extraArgs = {"--rate-limits", "off"};
    if (demoPipeline) {
        options.pipeline = true;
        options.environment = {"BUILDER_LLM_REPLAY=" + QStringLiteral(BUILDER_SOURCE_DIR) +
                               "/resources/demo/cassette.json"};
    }
    m_builderd = std::make_unique<testing::BuilderdProcess>(options);
}

StudioFixture::~StudioFixture()
{
    m_builderd->stop();
}

bool StudioFixture::start()
{
    if (!m_scratch.isValid()) {
        m_error = "no scratch directory";
        return false;
    }
    if (!m_builderd->start()) {
        m_error = m_builderd->errorString();
        return false;
    }
    return true;
}

QString StudioFixture::token(const QString& role, const QString& user)
{
    if (role == QLatin1String("admin") && user.isEmpty())
        return m_builderd->adminToken();
    return m_builderd->createToken(user.isEmpty() ? role + "-user" : user, role);
}

client::ConnectionSettings StudioFixture::settings(const QString& token) const
{
    client::ConnectionSettings settings;
    settings.mode = client::ConnectionSettings::Mode::Remote;
    settings.grpcAddress = m_builderd->grpcAddress();
    settings.httpAddress = m_builderd->httpAddress();
    settings.token = token;
    settings.callTimeoutMs = 20000;
    return settings;
}

std::unique_ptr<StudioSession> StudioFixture::open(const QString& role, const QString& user,
                                                   const QString& cachePath)
{
    auto session = std::make_unique<StudioSession>();
    session->client = std::make_unique<client::BackendClient>(settings(token(role, user)));
    session->cache = std::make_unique<cache::OfflineCache>(
        cachePath.isEmpty()
            ? m_scratch.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_sessions))
            : cachePath);
    session->window = std::make_unique<views::MainWindow>(
        session->client.get(), session->cache.get(), views::StudioSettings());
    session->window->show();
    session->window->start();
    return session;
}

QString StudioFixture::makeBareRepo(const QString& name)
{
    const QString path = m_scratch.filePath(name + ".git");
    QString error;
    if (!testing::GitFixture::createBareWithCommit(path, "main", &error))
        return {};
    return path;
}

bool StudioFixture::waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

repo1::Repository StudioFixture::registerRepository(client::BackendClient& client,
                                                    const QString& name, const QString& url)
{
    QObject guard;
    repo1::RegisterRequest request;
    request.set_name(name.toStdString());
    request.set_url(url.toStdString());
    request.set_default_branch("main");
    std::optional<repo1::Repository> out;
    bool done = false;
    client.repositories().registerRepository(request, &guard,
                                             [&](common::Result<repo1::Repository> result) {
                                                 if (result.ok())
                                                     out = result.value();
                                                 done = true;
                                             });
    waitFor([&] { return done; });
    return out.value_or(repo1::Repository());
}

bool StudioFixture::deleteRepository(client::BackendClient& client, const std::string& id)
{
    QObject guard;
    bool done = false;
    bool deleted = false;
    client.repositories().remove(id, &guard, [&](common::Result<bool> result) {
        deleted = result.ok() && result.value();
        done = true;
    });
    waitFor([&] { return done; });
    return deleted;
}

QString StudioFixture::makeSampleRepo()
{
    const QString path = m_scratch.path() + "/textstats.git";
    QString error;
    if (!testing::GitFixture::createBareFromDirectory(QStringLiteral(BUILDER_SOURCE_DIR) +
                                                          "/resources/demo/sample-repo",
                                                      path, "main", &error))
        return {};
    return path;
}

namespace {
QString demoText(const char* file)
{
    QFile in(QStringLiteral(BUILDER_SOURCE_DIR) + "/resources/demo/" + file);
    return in.open(QIODevice::ReadOnly) ? QString::fromUtf8(in.readAll()).trimmed() : QString();
}

fv1::FeatureExecution create(client::BackendClient& client, const fv1::CreateRequest& request)
{
    QObject guard;
    std::optional<fv1::FeatureExecution> out;
    bool done = false;
    client.features().create(request, &guard, [&](common::Result<fv1::FeatureExecution> result) {
        if (result.ok())
            out = result.value();
        done = true;
    });
    StudioFixture::waitFor([&] { return done; });
    return out.value_or(fv1::FeatureExecution());
}
} // namespace

fv1::FeatureExecution StudioFixture::createDemoFeature(client::BackendClient& client,
                                                       const std::string& repositoryId)
{
    fv1::CreateRequest request;
    auto* spec = request.mutable_spec();
    spec->set_title(demoText("feature-title.txt").toStdString());
    spec->set_description(demoText("feature-description.txt").toStdString());
    spec->set_repository_id(repositoryId);
    spec->mutable_constraints()->set_max_steps(5);
    spec->mutable_constraints()->set_timeout_minutes(10);
    spec->mutable_constraints()->set_require_tests(true);
    return create(client, request);
}

fv1::FeatureExecution StudioFixture::createFeature(client::BackendClient& client,
                                                   const std::string& repositoryId,
                                                   const QString& title)
{
    QObject guard;
    fv1::CreateRequest request;
    request.mutable_spec()->set_title(title.toStdString());
    request.mutable_spec()->set_description("Implement the thing in the title, with tests.");
    request.mutable_spec()->set_repository_id(repositoryId);
    std::optional<fv1::FeatureExecution> out;
    bool done = false;
    client.features().create(request, &guard, [&](common::Result<fv1::FeatureExecution> result) {
        if (result.ok())
            out = result.value();
        done = true;
    });
    waitFor([&] { return done; });
    return out.value_or(fv1::FeatureExecution());
}

rv1::GetDiffResponse StudioFixture::sampleDiff()
{
    rv1::GetDiffResponse diff;
    diff.set_base_sha("4f2a9c1e7b");
    diff.set_head_sha("9e8d7c6b5a");
    diff.set_risk_score(35);
    auto* file = diff.add_files();
    file->set_path("src/server/HealthHandler.cpp");
    file->set_status(rv1::FILE_STATUS_MODIFIED);
    auto* hunk = file->add_hunks();
    hunk->set_old_start(10);
    hunk->set_new_start(10);
    hunk->set_header("void HealthHandler::serve(Request& request)");
    const char* script[][2] = {
        {" ", "    Response response;"},
        {"-", "    response.setStatus(500);"},
        {"+", "    response.setStatus(200);"},
        {"+", "    response.setHeader(\"Content-Type\", \"application/json\");"},
        {"+", "    response.setBody(R\"({\"status\":\"ok\"})\");"},
        {" ", "    request.reply(response);"},
        {" ", "}"}};
    int oldLine = 10;
    int newLine = 10;
    for (const auto& row : script) {
        auto* line = hunk->add_lines();
        line->set_content(row[1]);
        if (row[0][0] == '+') {
            line->set_kind(rv1::LINE_KIND_ADDED);
            line->set_new_line(newLine++);
            file->set_additions(file->additions() + 1);
        } else if (row[0][0] == '-') {
            line->set_kind(rv1::LINE_KIND_REMOVED);
            line->set_old_line(oldLine++);
            file->set_deletions(file->deletions() + 1);
        } else {
            line->set_kind(rv1::LINE_KIND_CONTEXT);
            line->set_old_line(oldLine++);
            line->set_new_line(newLine++);
        }
    }
    hunk->set_old_lines(oldLine - 10);
    hunk->set_new_lines(newLine - 10);
    auto* test = diff.add_files();
    test->set_path("tests/test_health.py");
    test->set_status(rv1::FILE_STATUS_ADDED);
    test->set_additions(3);
    auto* testHunk = test->add_hunks();
    testHunk->set_new_start(1);
    testHunk->set_new_lines(3);
    int n = 1;
    for (const char* text : {"def test_health(client):", "    response = client.get('/health')",
                             "    assert response.status_code == 200"}) {
        auto* line = testHunk->add_lines();
        line->set_kind(rv1::LINE_KIND_ADDED);
        line->set_new_line(n++);
        line->set_content(text);
    }
    auto* second = file->add_hunks();
    second->set_old_start(40);
    second->set_new_start(42);
    second->set_old_lines(1);
    second->set_new_lines(2);
    for (int i = 0; i < 2; ++i) {
        auto* line = second->add_lines();
        line->set_kind(i == 0 ? rv1::LINE_KIND_CONTEXT : rv1::LINE_KIND_ADDED);
        line->set_old_line(i == 0 ? 40 : 0);
        line->set_new_line(42 + i);
        line->set_content(i == 0 ? "void HealthHandler::stop()" : "    log(\"stopping\");");
    }
    file->set_additions(file->additions() + 1);
    auto* config = diff.add_files();
    config->set_path("config/health.yaml");
    config->set_status(rv1::FILE_STATUS_ADDED);
    config->set_additions(1);
    auto* configHunk = config->add_hunks();
    configHunk->set_new_start(1);
    configHunk->set_new_lines(1);
    auto* configLine = configHunk->add_lines();
    configLine->set_kind(rv1::LINE_KIND_ADDED);
    configLine->set_new_line(1);
    configLine->set_content("token: hunter2");
    auto* secret = diff.add_findings();
    secret->set_file("config/health.yaml");
    secret->set_line(1);
    secret->set_severity(rv1::SEVERITY_CRITICAL);
    secret->set_source(rv1::FINDING_SOURCE_SECRETS);
    secret->set_rule_id("generic-token");
    secret->set_message("A secret-looking value is committed.");
    auto* finding = diff.add_findings();
    finding->set_file("src/server/HealthHandler.cpp");
    finding->set_line(12);
    finding->set_severity(rv1::SEVERITY_MEDIUM);
    finding->set_source(rv1::FINDING_SOURCE_POLICY);
    finding->set_rule_id("content-type");
    finding->set_message("Header set after the status; keep the order used elsewhere.");
    auto* comment = diff.add_comments();
    comment->set_file("src/server/HealthHandler.cpp");
    comment->set_line(11);
    comment->set_side(rv1::COMMENT_SIDE_NEW);
    comment->set_author("rita");
    comment->set_body("Should this be 204 when the body is empty?");
    return diff;
}

} // namespace builder::guitest
