// Repository credentials go in and never come out: not in any gRPC or HTTP
// response, not in builderd's output, and not in plain text anywhere in the data
// directory (the SQLite database, its WAL and shared memory, everything).
#include "HttpTestClient.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using builder::testing::BuilderdProcess;
using builder::testing::GrpcTestClient;
using builder::testing::HttpTestClient;
namespace rv1 = feature::repository::v1;

namespace {

QByteArray canary()
{
    QByteArray random(16, '\0');
    for (auto& byte : random)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return "canary-" + random.toHex();
}

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class NoSecretLeaksTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd;
    QString m_token;
    std::unique_ptr<rv1::RepositoryService::Stub> m_stub;
    QByteArrayList m_canaries;
    // Everything builderd sent back: serialized messages, JSON bodies, headers.
    QList<QPair<QString, QByteArray>> m_responses;

    QByteArray newCanary()
    {
        m_canaries.append(canary());
        return m_canaries.last();
    }

    void keep(const QString& what, const google::protobuf::Message& message)
    {
        m_responses.append({what, QByteArray::fromStdString(message.SerializeAsString())});
        m_responses.append({what + " (text)", QByteArray::fromStdString(message.DebugString())});
    }

    void keep(const QString& what, const grpc::Status& status)
    {
        m_responses.append(
            {what + " status", QByteArray::fromStdString(status.error_message()) +
                                   QByteArray::fromStdString(status.error_details())});
    }

    void keep(const QString& what, const HttpTestClient::Reply& reply)
    {
        QByteArray all = reply.body;
        for (auto it = reply.headers.begin(); it != reply.headers.end(); ++it)
            all += "\n" + it.key() + ": " + it.value();
        m_responses.append({what, all});
    }

    // Every RPC that returns a repository, over gRPC.
    void readBackOverGrpc(const std::string& id, const std::string& name,
                          rv1::CredentialType expectedType)
    {
        {
            rv1::GetRequest request;
            request.set_id(id);
            rv1::GetResponse response;
            auto ctx = GrpcTestClient::context(m_token);
            const auto status = m_stub->Get(ctx.get(), request, &response);
            QVERIFY2(status.ok(), status.error_message().c_str());
            QVERIFY(response.repository().has_credentials());
            QCOMPARE(response.repository().credential_type(), expectedType);
            keep("grpc Get", response);
        }
        {
            rv1::GetByNameRequest request;
            request.set_name(name);
            rv1::GetByNameResponse response;
            auto ctx = GrpcTestClient::context(m_token);
            const auto status = m_stub->GetByName(ctx.get(), request, &response);
            QVERIFY2(status.ok(), status.error_message().c_str());
            QCOMPARE(response.repository().id(), id);
            keep("grpc GetByName", response);
        }
        {
            auto ctx = GrpcTestClient::context(m_token);
            auto reader = m_stub->List(ctx.get(), rv1::ListRequest{});
            rv1::ListResponse response;
            int count = 0;
            while (reader->Read(&response)) {
                ++count;
                keep("grpc List", response);
            }
            const auto status = reader->Finish();
            QVERIFY2(status.ok(), status.error_message().c_str());
            QVERIFY(count >= 1);
            for (const auto& [key, value] : ctx->GetServerTrailingMetadata())
                m_responses.append(
                    {"grpc List trailers", QByteArray(key.data(), qsizetype(key.size())) + ": " +
                                               QByteArray(value.data(), qsizetype(value.size()))});
        }
        {
            rv1::UpdateRequest request;
            request.set_id(id);
            (*request.mutable_properties()->mutable_values())["team"] = "platform";
            rv1::UpdateResponse response;
            auto ctx = GrpcTestClient::context(m_token);
            const auto status = m_stub->Update(ctx.get(), request, &response);
            QVERIFY2(status.ok(), status.error_message().c_str());
            QCOMPARE(response.repository().credential_type(), expectedType);
            keep("grpc Update", response);
        }
        {
            // The probe uses the credential against a host that does not resolve.
            rv1::ValidateAccessRequest request;
            request.set_id(id);
            rv1::ValidateAccessResponse response;
            auto ctx = GrpcTestClient::context(m_token, 30000);
            const auto status = m_stub->ValidateAccess(ctx.get(), request, &response);
            keep("grpc ValidateAccess", status);
            if (status.ok()) {
                QVERIFY(!response.valid());
                QVERIFY(!response.error().empty());
                keep("grpc ValidateAccess", response);
            }
        }
    }

    // The same over HTTP JSON.
    void readBackOverHttp(HttpTestClient& http, const QString& id, const QString& name,
                          const QString& expectedType)
    {
        const QString service = "/feature.repository.v1.RepositoryService/";
        auto expectRepository = [&](const char* what, const HttpTestClient::Reply& reply) {
            keep(QString("http ") + what, reply);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            const auto repo = reply.json().value("repository").toObject();
            QCOMPARE(repo.value("id").toString(), id);
            QCOMPARE(repo.value("has_credentials").toBool(), true);
            QCOMPARE(repo.value("credential_type").toString(), expectedType);
            QVERIFY(!repo.contains("credential"));
        };
        expectRepository("Get", http.post(service + "Get", toJson({{"id", id}}), m_token));
        expectRepository("GetByName",
                         http.post(service + "GetByName", toJson({{"name", name}}), m_token));
        expectRepository(
            "Update",
            http.post(service + "Update",
                      toJson({{"id", id},
                              {"properties", QJsonObject{{"values", QJsonObject{{"tier", "1"}}}}}}),
                      m_token));
        {
            const auto reply = http.post(service + "List", HttpTestClient::envelope(0, "{}"),
                                         m_token, "application/connect+json");
            keep("http List", reply);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            const auto envelopes = HttpTestClient::parseEnvelopes(reply.body);
            QVERIFY(envelopes.has_value());
            QVERIFY(envelopes->size() >= 2);
            QCOMPARE(envelopes->last().flags, quint8(0x02));
        }
        {
            const auto reply = http.post(service + "ValidateAccess", toJson({{"id", id}}), m_token);
            keep("http ValidateAccess", reply);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            // proto3 JSON leaves out "valid": false.
            QCOMPARE(reply.json().value("valid").toBool(), false);
            QVERIFY(!reply.json().value("error").toString().isEmpty());
        }
    }

    // Canary -> where it was found, for every place that holds one.
    QStringList findCanaries(const QString& where, const QByteArray& bytes) const
    {
        QStringList found;
        for (const auto& secret : m_canaries) {
            if (bytes.contains(secret))
                found << QString("%1 in %2").arg(QString::fromLatin1(secret), where);
            // Also a base64 copy, which is how a careless JSON/bytes dump would store it.
            if (bytes.contains(secret.toBase64(QByteArray::OmitTrailingEquals)))
                found << QString("%1 (base64) in %2").arg(QString::fromLatin1(secret), where);
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_token = m_builderd.createToken("keeper", "engineer");
        QVERIFY(!m_token.isEmpty());
        m_stub = rv1::RepositoryService::NewStub(GrpcTestClient::channel(m_builderd.grpcAddress()));
    }

    void credentialsStayInsideOverGrpc()
    {
        rv1::RegisterRequest request;
        request.set_name("secret-app");
        request.set_url("https://example.invalid/acme/app.git");
        request.set_default_branch("main");
        request.mutable_credential()->set_type(rv1::CREDENTIAL_TYPE_TOKEN);
        request.mutable_credential()->set_token(newCanary().toStdString());
        rv1::RegisterResponse registered;
        {
            auto ctx = GrpcTestClient::context(m_token);
            const auto status = m_stub->Register(ctx.get(), request, &registered);
            QVERIFY2(status.ok(), status.error_message().c_str());
        }
        keep("grpc Register", registered);
        QVERIFY(registered.repository().has_credentials());
        QCOMPARE(registered.repository().credential_type(), rv1::CREDENTIAL_TYPE_TOKEN);
        const std::string id = registered.repository().id();
        readBackOverGrpc(id, "secret-app", rv1::CREDENTIAL_TYPE_TOKEN);
        if (QTest::currentTestFailed())
            return;

        rv1::UpdateCredentialsRequest update;
        update.set_id(id);
        update.mutable_credential()->set_type(rv1::CREDENTIAL_TYPE_BASIC);
        update.mutable_credential()->set_username("deploy-bot");
        update.mutable_credential()->set_password(newCanary().toStdString());
        rv1::UpdateCredentialsResponse updated;
        {
            auto ctx = GrpcTestClient::context(m_token);
            const auto status = m_stub->UpdateCredentials(ctx.get(), update, &updated);
            QVERIFY2(status.ok(), status.error_message().c_str());
        }
        keep("grpc UpdateCredentials", updated);
        QCOMPARE(updated.repository().credential_type(), rv1::CREDENTIAL_TYPE_BASIC);
        readBackOverGrpc(id, "secret-app", rv1::CREDENTIAL_TYPE_BASIC);
        if (QTest::currentTestFailed())
            return;

        // Refusals that involve the stored secret do not echo it either.
        request.mutable_credential()->set_token(newCanary().toStdString());
        rv1::RegisterResponse conflict;
        auto ctx = GrpcTestClient::context(m_token);
        const auto status = m_stub->Register(ctx.get(), request, &conflict);
        QCOMPARE(status.error_code(), grpc::ALREADY_EXISTS);
        keep("grpc Register conflict", status);
    }

    void credentialsStayInsideOverHttp()
    {
        HttpTestClient http(m_builderd.httpAddress());
        const QString service = "/feature.repository.v1.RepositoryService/";
        const auto registered = http.post(
            service + "Register",
            toJson({{"name", "secret-web"},
                    {"url", "https://example.invalid/acme/web.git"},
                    {"default_branch", "main"},
                    {"credential", QJsonObject{{"type", "CREDENTIAL_TYPE_TOKEN"},
                                               {"token", QString::fromLatin1(newCanary())}}}}),
            m_token);
        keep("http Register", registered);
        QVERIFY2(registered.status == 200, registered.describe().constData());
        const QString id = registered.json().value("repository").toObject().value("id").toString();
        QVERIFY(!id.isEmpty());
        readBackOverHttp(http, id, "secret-web", "CREDENTIAL_TYPE_TOKEN");
        if (QTest::currentTestFailed())
            return;

        const auto updated = http.post(
            service + "UpdateCredentials",
            toJson({{"id", id},
                    {"credential", QJsonObject{{"type", "CREDENTIAL_TYPE_BASIC"},
                                               {"username", "deploy-bot"},
                                               {"password", QString::fromLatin1(newCanary())}}}}),
            m_token);
        keep("http UpdateCredentials", updated);
        QVERIFY2(updated.status == 200, updated.describe().constData());
        QCOMPARE(updated.json().value("repository").toObject().value("credential_type").toString(),
                 QString("CREDENTIAL_TYPE_BASIC"));
        readBackOverHttp(http, id, "secret-web", "CREDENTIAL_TYPE_BASIC");
        if (QTest::currentTestFailed())
            return;

        // The repository registered over gRPC reads the same over HTTP.
        const auto list =
            http.post(service + "GetByName", toJson({{"name", "secret-app"}}), m_token);
        keep("http GetByName secret-app", list);
        QVERIFY2(list.status == 200, list.describe().constData());

        const auto metrics = http.get("/metrics");
        keep("http metrics", metrics);
        QCOMPARE(metrics.status, 200);
    }

    // Requests the server refuses must not put the secret they carried into the
    // log or the database (the caller may see its own input echoed back).
    void refusedRequestsDoNotPersistSecrets()
    {
        HttpTestClient http(m_builderd.httpAddress());
        const QString service = "/feature.repository.v1.RepositoryService/";
        const QByteArray truncated =
            "{\"name\":\"broken\",\"url\":\"https://example.invalid/b.git\","
            "\"credential\":{\"type\":\"CREDENTIAL_TYPE_TOKEN\",\"token\":\"" +
            newCanary() + "\"";
        QCOMPARE(http.post(service + "Register", truncated, m_token).status, 400);
        const QByteArray badEnum =
            "{\"name\":\"broken\",\"url\":\"https://example.invalid/b.git\","
            "\"credential\":{\"type\":\"CREDENTIAL_TYPE_NOPE\",\"token\":\"" +
            newCanary() + "\"}}";
        QCOMPARE(http.post(service + "Register", badEnum, m_token).status, 400);
        // A credential embedded in the URL is refused, not stored.
        const QByteArray inUrl = "{\"name\":\"broken\",\"url\":\"https://bot:" + newCanary() +
                                 "@example.invalid/b.git\",\"default_branch\":\"main\"}";
        QCOMPARE(http.post(service + "Register", inUrl, m_token).status, 400);
    }

    // Every file under the data directory, raw bytes.
    QStringList scanDataDirectory(QStringList* scanned) const
    {
        QStringList leaks;
        QDirIterator it(m_builderd.dataDir(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                leaks << "cannot read " + path;
                continue;
            }
            leaks += findCanaries(path, file.readAll());
            *scanned << QFileInfo(path).fileName();
        }
        return leaks;
    }

    void canariesAppearNowhere()
    {
        QVERIFY(m_canaries.size() >= 7);
        // The caller's bearer token is a secret too: builderd keeps its id, never
        // the token (its signature is what a thief would need).
        const QByteArray signature = m_token.toLatin1().split('.').value(2);
        QVERIFY(signature.size() >= 40);
        m_canaries.append(signature);
        QStringList leaks;
        // While builderd runs the WAL holds the latest pages; a clean stop
        // checkpoints them into builder.db. Both states are scanned.
        QStringList scannedWhileRunning;
        leaks += scanDataDirectory(&scannedWhileRunning);
        QVERIFY2(scannedWhileRunning.contains("builder.db-wal"),
                 qPrintable(scannedWhileRunning.join(", ")));
        QCOMPARE(m_builderd.stop(), 0);

        for (const auto& [what, bytes] : m_responses)
            leaks += findCanaries("response of " + what, bytes);
        leaks += findCanaries("builderd output", m_builderd.output());
        QStringList scanned;
        leaks += scanDataDirectory(&scanned);
        QVERIFY2(scanned.contains("builder.db"), qPrintable(scanned.join(", ")));
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join("\n")));
    }
};

QTEST_GUILESS_MAIN(NoSecretLeaksTest)
#include "test_no_secret_leaks.moc"
