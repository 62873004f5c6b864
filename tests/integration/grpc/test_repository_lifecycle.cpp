// RepositoryService over real gRPC against a real builderd and real bare repositories:
// registration (branch and provider detection, idempotency, validation, secrets),
// reads, streaming List with page tokens, updates, access checks and deletion.
#include "ApiFixture.h"
#include "support/GrpcTestClient.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <map>
#include <set>

using builder::itest::ApiFixture;
using builder::testing::GrpcTestClient;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;
namespace cv1 = feature::common::v1;

Q_DECLARE_METATYPE(rv1::GitProvider)
Q_DECLARE_METATYPE(rv1::CredentialType)
Q_DECLARE_METATYPE(grpc::StatusCode)

namespace {

// A secret that must never come back in any response.
std::string canary()
{
    return "ghp_CANARY_" + QUuid::createUuid().toString(QUuid::Id128).toStdString();
}

bool hasViolation(const grpc::Status& status, const std::string& field,
                  const std::string& constraint = {})
{
    const auto violations = GrpcTestClient::violations(status);
    return std::any_of(violations.begin(), violations.end(), [&](const auto& v) {
        return v.field_path() == field && (constraint.empty() || v.constraint_id() == constraint);
    });
}

QByteArray describe(const grpc::Status& status)
{
    QByteArray text = QByteArray::number(static_cast<int>(status.error_code())) + " " +
                      QByteArray::fromStdString(status.error_message());
    for (const auto& v : GrpcTestClient::violations(status))
        text += " [" + QByteArray::fromStdString(v.field_path()) + " " +
                QByteArray::fromStdString(v.constraint_id()) + "]";
    return text;
}

} // namespace

class RepositoryLifecycleTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiFixture> m_api;

    // Reads one List page; trailers land in `trailers` (next token, total count).
    grpc::Status listPage(const rv1::ListRequest& request, std::vector<rv1::Repository>& out,
                          std::string* nextToken = nullptr, std::string* total = nullptr)
    {
        auto ctx = m_api->ctx();
        auto reader = m_api->repos().List(ctx.get(), request);
        std::vector<rv1::ListResponse> messages;
        auto status = ApiFixture::readAll(*reader, messages);
        for (auto& m : messages)
            out.push_back(m.repository());
        if (nextToken)
            *nextToken = ApiFixture::trailer(*ctx, "x-next-page-token");
        if (total)
            *total = ApiFixture::trailer(*ctx, "x-total-count");
        return status;
    }

    grpc::Status getRepo(const std::string& id, rv1::Repository* out)
    {
        rv1::GetRequest request;
        request.set_id(id);
        rv1::GetResponse response;
        auto ctx = m_api->ctx();
        auto status = m_api->repos().Get(ctx.get(), request, &response);
        if (out)
            *out = response.repository();
        return status;
    }

    grpc::Status getByName(const std::string& name, rv1::Repository* out)
    {
        rv1::GetByNameRequest request;
        request.set_name(name);
        rv1::GetByNameResponse response;
        auto ctx = m_api->ctx();
        auto status = m_api->repos().GetByName(ctx.get(), request, &response);
        if (out)
            *out = response.repository();
        return status;
    }

    grpc::Status deleteRepo(const std::string& id, bool* deleted)
    {
        rv1::DeleteRequest request;
        request.set_id(id);
        rv1::DeleteResponse response;
        auto ctx = m_api->ctx();
        auto status = m_api->repos().Delete(ctx.get(), request, &response);
        if (deleted)
            *deleted = response.deleted();
        return status;
    }

    grpc::Status update(const rv1::UpdateRequest& request, rv1::Repository* out)
    {
        rv1::UpdateResponse response;
        auto ctx = m_api->ctx();
        auto status = m_api->repos().Update(ctx.get(), request, &response);
        if (out)
            *out = response.repository();
        return status;
    }

    grpc::Status validateAccess(const std::string& id, rv1::ValidateAccessResponse* out)
    {
        rv1::ValidateAccessRequest request;
        request.set_id(id);
        auto ctx = m_api->ctx(30000);
        return m_api->repos().ValidateAccess(ctx.get(), request, out);
    }

private slots:
    void init()
    {
        m_api = std::make_unique<ApiFixture>();
        QVERIFY2(m_api->start(), qPrintable(m_api->errorString()));
    }

    void cleanup()
    {
        const int exitCode = m_api->stop();
        m_api.reset();
        QCOMPARE(exitCode, 0);
    }

    void registerLocalDetectsDefaultBranch_data()
    {
        QTest::addColumn<bool>("asFileUrl");
        QTest::addRow("absolute path") << false;
        QTest::addRow("file:// URL") << true;
    }

    void registerLocalDetectsDefaultBranch()
    {
        QFETCH(bool, asFileUrl);
        const QString path = m_api->makeBareRepo("trunk-repo", "trunk");
        QVERIFY2(!path.isEmpty(), qPrintable(m_api->errorString()));

        rv1::RegisterRequest request;
        request.set_name("local-trunk");
        request.set_url((asFileUrl ? "file://" + path : path).toStdString());
        rv1::Repository repo;
        const auto status = m_api->registerRepo(request, &repo);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(ApiFixture::isUuid(repo.id()));
        QCOMPARE(repo.name(), "local-trunk");
        QCOMPARE(repo.url(), request.url());
        QCOMPARE(repo.default_branch(), "trunk");
        QCOMPARE(repo.provider(), rv1::GIT_PROVIDER_GENERIC);
        QCOMPARE(repo.state(), cv1::STATE_ACTIVE);
        QVERIFY(!repo.has_credentials());
        QCOMPARE(repo.credential_type(), rv1::CREDENTIAL_TYPE_UNSPECIFIED);
        QVERIFY(repo.has_created_at());
        QVERIFY(repo.has_updated_at());

        // What was stored is what Get returns.
        rv1::Repository stored;
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QCOMPARE(stored.default_branch(), "trunk");
        QCOMPARE(stored.provider(), rv1::GIT_PROVIDER_GENERIC);
    }

    void registerDetectsProvider_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<rv1::GitProvider>("provider");
        QTest::addRow("github https")
            << "https://github.com/acme/x.git" << rv1::GIT_PROVIDER_GITHUB;
        QTest::addRow("gitlab scp-like") << "git@gitlab.com:a/b.git" << rv1::GIT_PROVIDER_GITLAB;
        QTest::addRow("azure devops")
            << "https://dev.azure.com/o/p/_git/r" << rv1::GIT_PROVIDER_AZURE_DEVOPS;
    }

    void registerDetectsProvider()
    {
        QFETCH(QString, url);
        QFETCH(rv1::GitProvider, provider);
        rv1::Repository repo;
        // An explicit default branch: the (unreachable) remote is not needed.
        const auto status = m_api->registerRemote("remote-repo", url.toStdString(), &repo, "main");
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(repo.provider(), provider);
        QCOMPARE(repo.default_branch(), "main");
        QCOMPARE(repo.url(), url.toStdString());
        QCOMPARE(repo.state(), cv1::STATE_ACTIVE);
    }

    void registerIdenticalRepeatReturnsSameId_data()
    {
        QTest::addColumn<bool>("local");
        QTest::addRow("local, branch auto-detected") << true;
        QTest::addRow("remote, explicit branch") << false;
    }

    void registerIdenticalRepeatReturnsSameId()
    {
        QFETCH(bool, local);
        rv1::RegisterRequest request;
        request.set_name("same-repo");
        if (local) {
            const QString path = m_api->makeBareRepo("same", "trunk");
            QVERIFY2(!path.isEmpty(), qPrintable(m_api->errorString()));
            request.set_url(path.toStdString());
        } else {
            request.set_url("https://github.com/acme/same.git");
            request.set_default_branch("main");
        }
        (*request.mutable_properties()->mutable_values())["team"] = "core";

        rv1::Repository first, second;
        auto status = m_api->registerRepo(request, &first);
        QVERIFY2(status.ok(), describe(status));
        status = m_api->registerRepo(request, &second);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(second.id(), first.id());

        // Only one repository exists.
        std::vector<rv1::Repository> all;
        std::string total;
        QVERIFY(listPage({}, all, nullptr, &total).ok());
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(total, "1");

        // Same name, different URL: a conflict, not a silent overwrite.
        rv1::RegisterRequest other = request;
        other.set_url("https://gitlab.com/acme/other.git");
        other.set_default_branch("main");
        status = m_api->registerRepo(other, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
        rv1::Repository unchanged;
        QVERIFY(getRepo(first.id(), &unchanged).ok());
        QCOMPARE(unchanged.url(), request.url());
    }

    void registerRejectsBadUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("constraint");
        QTest::addRow("ftp scheme") << "ftp://x"
                                    << "string.uri";
        QTest::addRow("prose") << "not a url"
                               << "string.uri";
        QTest::addRow("empty") << ""
                               << "required";
    }

    void registerRejectsBadUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, constraint);
        rv1::RegisterRequest request;
        request.set_name("bad-url");
        request.set_url(url.toStdString());
        request.set_default_branch("main");
        const auto status = m_api->registerRepo(request, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(hasViolation(status, "url"), describe(status));
        QVERIFY2(hasViolation(status, "url", constraint.toStdString()), describe(status));
        // Nothing was registered.
        QCOMPARE(getByName("bad-url", nullptr).error_code(), grpc::StatusCode::NOT_FOUND);
    }

    void registerWithTokenNeverReturnsIt()
    {
        const std::string secret = canary();
        rv1::RegisterRequest request;
        request.set_name("with-token");
        request.set_url("https://github.com/acme/private.git");
        request.set_default_branch("main");
        request.mutable_credential()->set_type(rv1::CREDENTIAL_TYPE_TOKEN);
        request.mutable_credential()->set_token(secret);

        rv1::RegisterResponse registered;
        {
            auto ctx = m_api->ctx();
            const auto status = m_api->repos().Register(ctx.get(), request, &registered);
            QVERIFY2(status.ok(), describe(status));
        }
        const auto& repo = registered.repository();
        QVERIFY(repo.has_credentials());
        QCOMPARE(repo.credential_type(), rv1::CREDENTIAL_TYPE_TOKEN);
        QVERIFY(registered.SerializeAsString().find(secret) == std::string::npos);
        QVERIFY(registered.DebugString().find(secret) == std::string::npos);

        // Nor through any read.
        rv1::GetResponse got;
        {
            rv1::GetRequest get;
            get.set_id(repo.id());
            auto ctx = m_api->ctx();
            QVERIFY(m_api->repos().Get(ctx.get(), get, &got).ok());
        }
        QVERIFY(got.repository().has_credentials());
        QCOMPARE(got.repository().credential_type(), rv1::CREDENTIAL_TYPE_TOKEN);
        QVERIFY(got.SerializeAsString().find(secret) == std::string::npos);

        rv1::GetByNameResponse byName;
        {
            rv1::GetByNameRequest get;
            get.set_name("with-token");
            auto ctx = m_api->ctx();
            QVERIFY(m_api->repos().GetByName(ctx.get(), get, &byName).ok());
        }
        QVERIFY(byName.SerializeAsString().find(secret) == std::string::npos);

        std::vector<rv1::Repository> listed;
        QVERIFY(listPage({}, listed).ok());
        QCOMPARE(listed.size(), std::size_t(1));
        QVERIFY(listed.front().has_credentials());
        QVERIFY(listed.front().SerializeAsString().find(secret) == std::string::npos);

        // The identical repeat (same token) is idempotent and still secret-free.
        rv1::RegisterResponse repeat;
        {
            auto ctx = m_api->ctx();
            QVERIFY(m_api->repos().Register(ctx.get(), request, &repeat).ok());
        }
        QCOMPARE(repeat.repository().id(), repo.id());
        QVERIFY(repeat.SerializeAsString().find(secret) == std::string::npos);

        // Encrypted at rest and never logged: no file of the data directory and
        // nothing builderd printed holds the token in the clear.
        QVERIFY(!m_api->builderd().output().contains(QByteArray::fromStdString(secret)));
        QDirIterator files(m_api->builderd().dataDir(), QDir::Files | QDir::Hidden,
                           QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QVERIFY2(!file.readAll().contains(QByteArray::fromStdString(secret)),
                     qPrintable(file.fileName() + " holds the token in the clear"));
            ++scanned;
        }
        QVERIFY(scanned > 0);

        // A deleted repository keeps no secret.
        bool deleted = false;
        QVERIFY(deleteRepo(repo.id(), &deleted).ok());
        rv1::Repository gone;
        QVERIFY(getRepo(repo.id(), &gone).ok());
        QCOMPARE(gone.state(), cv1::STATE_DELETED);
        QVERIFY(!gone.has_credentials());
        QCOMPARE(gone.credential_type(), rv1::CREDENTIAL_TYPE_UNSPECIFIED);
    }

    void getAndGetByName()
    {
        rv1::Repository repo;
        QVERIFY(m_api->registerRemote("lookup", "https://github.com/acme/lookup.git", &repo).ok());

        rv1::Repository got;
        auto status = getRepo(repo.id(), &got);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(got.id(), repo.id());
        QCOMPARE(got.name(), "lookup");
        QCOMPARE(got.url(), "https://github.com/acme/lookup.git");

        rv1::Repository named;
        status = getByName("lookup", &named);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(named.id(), repo.id());

        QCOMPARE(getRepo(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(), nullptr)
                     .error_code(),
                 grpc::StatusCode::NOT_FOUND);
        QCOMPARE(getByName("no-such-repository", nullptr).error_code(),
                 grpc::StatusCode::NOT_FOUND);

        status = getRepo("not-a-uuid", nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(hasViolation(status, "id", "string.uuid"), describe(status));
    }

    void listPagesThroughEveryRepositoryOnce()
    {
        std::set<std::string> registered;
        for (int i = 0; i < 5; ++i) {
            rv1::Repository repo;
            const std::string name = "paged-" + std::to_string(i);
            QVERIFY(m_api->registerRemote(name, "https://github.com/acme/" + name + ".git", &repo)
                        .ok());
            registered.insert(repo.id());
        }

        rv1::ListRequest request;
        request.mutable_pagination()->set_page_size(2);
        std::vector<rv1::Repository> first;
        std::string token, total;
        auto status = listPage(request, first, &token, &total);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(first.size(), std::size_t(2));
        QVERIFY(!token.empty());
        QCOMPARE(total, "5");

        std::multiset<std::string> seen;
        for (const auto& r : first)
            seen.insert(r.id());
        std::vector<std::size_t> pageSizes = {first.size()};
        int guard = 0;
        while (!token.empty() && ++guard < 10) {
            request.mutable_pagination()->set_page_token(token);
            std::vector<rv1::Repository> page;
            status = listPage(request, page, &token, &total);
            QVERIFY2(status.ok(), describe(status));
            QCOMPARE(total, "5");
            pageSizes.push_back(page.size());
            for (const auto& r : page)
                seen.insert(r.id());
        }
        QCOMPARE(pageSizes, (std::vector<std::size_t>{2, 2, 1}));
        QCOMPARE(seen.size(), std::size_t(5));
        QCOMPARE(std::set<std::string>(seen.begin(), seen.end()), registered);
    }

    void listFiltersByQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("name prefix") << "alpha" << QStringList{"alpha-api", "alpha-web"};
        QTest::addRow("name suffix") << "api" << QStringList{"alpha-api", "beta-api"};
        QTest::addRow("middle of name") << "ha-w" << QStringList{"alpha-web"};
        QTest::addRow("case-insensitive") << "GAMMA" << QStringList{"gamma-tools"};
        QTest::addRow("url only") << "gitlab.com" << QStringList{"gamma-tools"};
        QTest::addRow("no match") << "zeta" << QStringList{};
        QTest::addRow("percent is literal") << "%" << QStringList{};
        QTest::addRow("underscore is literal") << "alpha_api" << QStringList{};
    }

    void listFiltersByQuery()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        const std::map<std::string, std::string> repos = {
            {"alpha-api", "https://github.com/acme/alpha-api.git"},
            {"alpha-web", "https://github.com/acme/alpha-web.git"},
            {"beta-api", "https://github.com/acme/beta-api.git"},
            {"gamma-tools", "https://gitlab.com/acme/gamma-tools.git"},
        };
        for (const auto& [name, url] : repos)
            QVERIFY(m_api->registerRemote(name, url, nullptr).ok());

        rv1::ListRequest request;
        request.set_query(query.toStdString());
        std::vector<rv1::Repository> found;
        std::string total;
        const auto status = listPage(request, found, nullptr, &total);
        QVERIFY2(status.ok(), describe(status));
        QStringList names;
        for (const auto& r : found)
            names << QString::fromStdString(r.name());
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);
        QCOMPARE(total, std::to_string(expected.size()));
    }

    void listRejectsInvalidPageToken_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addRow("not base64url") << "!!not a token!!";
        QTest::addRow("base64 of junk") << "Zm9vYmFyYmF6";
    }

    void listRejectsInvalidPageToken()
    {
        QFETCH(QString, token);
        QVERIFY(m_api->registerRemote("one", "https://github.com/acme/one.git", nullptr).ok());
        rv1::ListRequest request;
        request.mutable_pagination()->set_page_size(1);
        request.mutable_pagination()->set_page_token(token.toStdString());
        std::vector<rv1::Repository> page;
        const auto status = listPage(request, page);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY(page.empty());
    }

    void updateNameBranchAndProperties()
    {
        rv1::Repository repo, other;
        QVERIFY(m_api->registerRemote("before", "https://github.com/acme/u.git", &repo).ok());
        QVERIFY(m_api->registerRemote("taken", "https://github.com/acme/t.git", &other).ok());

        // Rename.
        rv1::UpdateRequest rename;
        rename.set_id(repo.id());
        rename.set_name("after");
        rv1::Repository updated;
        auto status = update(rename, &updated);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(updated.name(), "after");
        QCOMPARE(updated.default_branch(), "main"); // untouched
        rv1::Repository byName;
        QVERIFY(getByName("after", &byName).ok());
        QCOMPARE(byName.id(), repo.id());
        QCOMPARE(getByName("before", nullptr).error_code(), grpc::StatusCode::NOT_FOUND);

        // A name another live repository holds.
        rv1::UpdateRequest clash;
        clash.set_id(repo.id());
        clash.set_name("taken");
        status = update(clash, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
        QVERIFY(getRepo(repo.id(), &byName).ok());
        QCOMPARE(byName.name(), "after");

        // Default branch only.
        rv1::UpdateRequest branch;
        branch.set_id(repo.id());
        branch.set_default_branch("develop");
        status = update(branch, &updated);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(updated.default_branch(), "develop");
        QCOMPARE(updated.name(), "after");

        // Properties only.
        rv1::UpdateRequest props;
        props.set_id(repo.id());
        (*props.mutable_properties()->mutable_values())["team"] = "platform";
        (*props.mutable_properties()->mutable_values())["tier"] = "1";
        status = update(props, &updated);
        QVERIFY2(status.ok(), describe(status));
        rv1::Repository stored;
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QCOMPARE(stored.name(), "after");
        QCOMPARE(stored.default_branch(), "develop");
        QCOMPARE(stored.properties().values().size(), 2);
        QCOMPARE(stored.properties().values().at("team"), "platform");
        QCOMPARE(stored.properties().values().at("tier"), "1");
        // Unknown and malformed ids.
        rv1::UpdateRequest unknown;
        unknown.set_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        unknown.set_name("ghost");
        QCOMPARE(update(unknown, nullptr).error_code(), grpc::StatusCode::NOT_FOUND);
        unknown.set_id("ghost");
        status = update(unknown, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(hasViolation(status, "id", "string.uuid"), describe(status));

        QVERIFY(stored.updated_at().seconds() * 1000 + stored.updated_at().nanos() / 1000000 >=
                repo.updated_at().seconds() * 1000 + repo.updated_at().nanos() / 1000000);
    }

    void updateCredentials_data()
    {
        QTest::addColumn<rv1::CredentialType>("type");
        QTest::addRow("token") << rv1::CREDENTIAL_TYPE_TOKEN;
        QTest::addRow("basic") << rv1::CREDENTIAL_TYPE_BASIC;
        QTest::addRow("oauth") << rv1::CREDENTIAL_TYPE_OAUTH;
    }

    void updateCredentials()
    {
        QFETCH(rv1::CredentialType, type);
        rv1::Repository repo;
        QVERIFY(m_api->registerRemote("creds", "https://github.com/acme/creds.git", &repo).ok());
        QVERIFY(!repo.has_credentials());
        QCOMPARE(repo.credential_type(), rv1::CREDENTIAL_TYPE_UNSPECIFIED);

        const std::string secret = canary();
        rv1::UpdateCredentialsRequest request;
        request.set_id(repo.id());
        auto* credential = request.mutable_credential();
        credential->set_type(type);
        if (type == rv1::CREDENTIAL_TYPE_TOKEN) {
            credential->set_token(secret);
        } else if (type == rv1::CREDENTIAL_TYPE_BASIC) {
            credential->set_username("robot");
            credential->set_password(secret);
        } else {
            credential->set_oauth_token(secret);
        }
        rv1::UpdateCredentialsResponse response;
        auto ctx = m_api->ctx();
        const auto status = m_api->repos().UpdateCredentials(ctx.get(), request, &response);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(response.repository().has_credentials());
        QCOMPARE(response.repository().credential_type(), type);
        QVERIFY(response.SerializeAsString().find(secret) == std::string::npos);

        rv1::Repository stored;
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QVERIFY(stored.has_credentials());
        QCOMPARE(stored.credential_type(), type);
        QVERIFY(stored.SerializeAsString().find(secret) == std::string::npos);
    }

    void validateAccessOnLocalBareRepository()
    {
        const QString path = m_api->makeBareRepo("access", "trunk");
        QVERIFY2(!path.isEmpty(), qPrintable(m_api->errorString()));
        rv1::RegisterRequest request;
        request.set_name("access");
        request.set_url(path.toStdString());
        rv1::Repository repo;
        QVERIFY(m_api->registerRepo(request, &repo).ok());
        QVERIFY(!repo.has_last_accessed_at());

        rv1::ValidateAccessResponse response;
        const auto status = validateAccess(repo.id(), &response);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY2(response.valid(), response.error().c_str());
        QVERIFY(response.error().empty());
        const auto& perms = response.permissions();
        QVERIFY(std::find(perms.begin(), perms.end(), rv1::PERMISSION_READ) != perms.end());
        QVERIFY(std::find(perms.begin(), perms.end(), rv1::PERMISSION_WRITE) != perms.end());

        rv1::Repository stored;
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QVERIFY(stored.has_last_accessed_at());
    }

    void validateAccessOnVanishedPath()
    {
        const QString path = m_api->makeBareRepo("vanishing", "trunk");
        QVERIFY2(!path.isEmpty(), qPrintable(m_api->errorString()));
        rv1::RegisterRequest request;
        request.set_name("vanishing");
        request.set_url(path.toStdString());
        rv1::Repository repo;
        QVERIFY(m_api->registerRepo(request, &repo).ok());
        QVERIFY(QDir(path).removeRecursively());

        rv1::ValidateAccessResponse response;
        const auto status = validateAccess(repo.id(), &response);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(!response.valid());
        QVERIFY(!response.error().empty());
        // A message a person can act on: it names what is missing.
        QVERIFY2(QString::fromStdString(response.error()).contains(path), response.error().c_str());
        QVERIFY(response.permissions().empty());
    }

    void deleteIsIdempotent()
    {
        rv1::Repository repo;
        QVERIFY(m_api->registerRemote("doomed", "https://github.com/acme/doomed.git", &repo).ok());

        bool deleted = false;
        auto status = deleteRepo(repo.id(), &deleted);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(deleted);

        rv1::Repository stored;
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QCOMPARE(stored.state(), cv1::STATE_DELETED);

        deleted = false;
        status = deleteRepo(repo.id(), &deleted);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(deleted);

        // Deleted repositories leave the default listing and free their name.
        std::vector<rv1::Repository> listed;
        QVERIFY(listPage({}, listed).ok());
        QVERIFY(listed.empty());
        rv1::ListRequest deletedOnly;
        deletedOnly.add_states(cv1::STATE_DELETED);
        QVERIFY(listPage(deletedOnly, listed).ok());
        QCOMPARE(listed.size(), std::size_t(1));
        QCOMPARE(listed.front().id(), repo.id());
        QCOMPARE(getByName("doomed", nullptr).error_code(), grpc::StatusCode::NOT_FOUND);

        // The name is free again: a new registration gets a new id.
        rv1::Repository reborn;
        status = m_api->registerRemote("doomed", "https://github.com/acme/reborn.git", &reborn);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(reborn.id() != repo.id());
        QCOMPARE(reborn.state(), cv1::STATE_ACTIVE);
        rv1::Repository byName;
        QVERIFY(getByName("doomed", &byName).ok());
        QCOMPARE(byName.id(), reborn.id());
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QCOMPARE(stored.state(), cv1::STATE_DELETED);

        QCOMPARE(
            deleteRepo(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(), nullptr)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
    }

    void deleteRefusedWhileFeaturePending()
    {
        const QString path = m_api->makeBareRepo("busy", "trunk");
        QVERIFY2(!path.isEmpty(), qPrintable(m_api->errorString()));
        rv1::RegisterRequest request;
        request.set_name("busy");
        request.set_url(path.toStdString());
        rv1::Repository repo;
        QVERIFY(m_api->registerRepo(request, &repo).ok());

        fv1::FeatureExecution execution;
        auto status = m_api->createFeature(
            ApiFixture::featureRequest(repo.id(), "Keep the repository busy"), &execution);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(execution.state(), fv1::FEATURE_STATE_PENDING);

        status = deleteRepo(repo.id(), nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        rv1::Repository stored;
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QCOMPARE(stored.state(), cv1::STATE_ACTIVE);

        status = m_api->cancelFeature(execution.id(), nullptr);
        QVERIFY2(status.ok(), describe(status));
        bool deleted = false;
        status = deleteRepo(repo.id(), &deleted);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(deleted);
        QVERIFY(getRepo(repo.id(), &stored).ok());
        QCOMPARE(stored.state(), cv1::STATE_DELETED);

        // No new work on a deleted repository, neither fresh nor retried.
        status = m_api->createFeature(
            ApiFixture::featureRequest(repo.id(), "Too late for this repository"), nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        fv1::RetryRequest retry;
        retry.set_id(execution.id());
        fv1::RetryResponse retried;
        auto ctx = m_api->ctx();
        status = m_api->features().Retry(ctx.get(), retry, &retried);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    }
};

QTEST_GUILESS_MAIN(RepositoryLifecycleTest)
#include "test_repository_lifecycle.moc"
