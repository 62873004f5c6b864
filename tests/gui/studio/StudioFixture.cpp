#include "StudioFixture.h"

#include "client/FeatureApi.h"
#include "client/RepositoryApi.h"
#include "support/GitFixture.h"

#include <QtTest>

namespace builder::guitest {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

StudioSession::~StudioSession()
{
    window.reset();
    client.reset();
    cache.reset();
}

StudioFixture::StudioFixture()
{
    testing::BuilderdProcess::Options options;
    options.extraArgs = {"--rate-limits", "off"};
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

rv1::Repository StudioFixture::registerRepository(client::BackendClient& client,
                                                  const QString& name, const QString& url)
{
    QObject guard;
    rv1::RegisterRequest request;
    request.set_name(name.toStdString());
    request.set_url(url.toStdString());
    request.set_default_branch("main");
    std::optional<rv1::Repository> out;
    bool done = false;
    client.repositories().registerRepository(request, &guard,
                                             [&](common::Result<rv1::Repository> result) {
                                                 if (result.ok())
                                                     out = result.value();
                                                 done = true;
                                             });
    waitFor([&] { return done; });
    return out.value_or(rv1::Repository());
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

} // namespace builder::guitest
