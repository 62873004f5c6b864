// The HTTP side of builderd: probes, metrics, the contract's curl examples as
// Connect JSON, the Connect error format, body limits and Connect streaming.
#include "HttpTestClient.h"
#include "support/BuilderdProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using builder::testing::BuilderdProcess;
using builder::testing::HttpTestClient;

namespace {

const QString kFeature = "/feature.feature.v1.FeatureService/";
const QString kRepository = "/feature.repository.v1.RepositoryService/";

// The contract's examples, verbatim (API reference, "Usage Examples").
const QByteArray kRegisterExample = R"({
    "name": "my-app",
    "url": "git@github.com:myorg/my-app.git",
    "default_branch": "main",
    "credential": {
      "type": "CREDENTIAL_TYPE_SSH_KEY",
      "ssh_private_key": "-----BEGIN OPENSSH PRIVATE KEY-----\n..."
    }
  })";
const QByteArray kCreateExample = R"({
    "spec": {
      "title": "Add user authentication",
      "description": "Implement JWT-based user authentication with login and logout endpoints. Include password hashing with bcrypt and token refresh functionality.",
      "repository_id": "550e8400-e29b-41d4-a716-446655440000",
      "target_branch": "main",
      "constraints": {
        "max_steps": 10,
        "timeout_minutes": 30,
        "require_tests": true,
        "require_build": true
      }
    },
    "correlation_id": "client-request-12345"
  })";
const QByteArray kExampleRepositoryId = "550e8400-e29b-41d4-a716-446655440000";

bool isUuid(const QString& text)
{
    return !QUuid::fromString(text).isNull() && text.size() == 36;
}

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class ConnectHttpTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd{
        BuilderdProcess::Options{{"--max-body-bytes", "4096"}, {}, {}, 20000}};
    std::unique_ptr<HttpTestClient> m_http;
    QString m_token;
    QString m_repositoryId;
    QString m_executionId;

    // A Connect error: the status, the JSON content type, a code and a message.
    static void checkError(const HttpTestClient::Reply& reply, int status, const QString& code)
    {
        QVERIFY2(reply.status == status, reply.describe().constData());
        QVERIFY2(reply.header("content-type").startsWith("application/json"),
                 reply.header("content-type").constData());
        const auto json = reply.json();
        QCOMPARE(json.value("code").toString(), code);
        QVERIFY2(!json.value("message").toString().isEmpty(), reply.body.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_http = std::make_unique<HttpTestClient>(m_builderd.httpAddress());
        m_token = m_builderd.createToken("http-engineer", "engineer");
        QVERIFY(!m_token.isEmpty());
    }

    void probesAreOpen()
    {
        const auto health = m_http->get("/health");
        QVERIFY2(health.status == 200, health.describe().constData());
        QCOMPARE(health.json().value("status").toString(), QString("healthy"));
        const auto ready = m_http->get("/ready");
        QVERIFY2(ready.status == 200, ready.describe().constData());
        QCOMPARE(ready.json().value("status").toString(), QString("ready"));
        const auto metrics = m_http->get("/metrics");
        QVERIFY2(metrics.status == 200, metrics.describe().constData());
        QVERIFY2(metrics.header("content-type").startsWith("text/plain"),
                 metrics.header("content-type").constData());
        QVERIFY(metrics.body.contains("builder_requests_total"));
        QVERIFY(metrics.body.contains("builder_executions"));
    }

    void contractRegisterExample()
    {
        const auto reply = m_http->post(kRepository + "Register", kRegisterExample, m_token);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QVERIFY(reply.header("content-type").startsWith("application/json"));
        const auto repo = reply.json().value("repository").toObject();
        QVERIFY2(isUuid(repo.value("id").toString()), reply.body.constData());
        QCOMPARE(repo.value("name").toString(), QString("my-app"));
        QCOMPARE(repo.value("url").toString(), QString("git@github.com:myorg/my-app.git"));
        QCOMPARE(repo.value("default_branch").toString(), QString("main"));
        QCOMPARE(repo.value("provider").toString(), QString("GIT_PROVIDER_GITHUB"));
        QCOMPARE(repo.value("has_credentials").toBool(), true);
        QCOMPARE(repo.value("credential_type").toString(), QString("CREDENTIAL_TYPE_SSH_KEY"));
        QCOMPARE(repo.value("state").toString(), QString("STATE_ACTIVE"));
        QVERIFY(repo.value("created_at").toString().endsWith('Z'));
        QVERIFY(repo.value("updated_at").toString().endsWith('Z'));
        // Field names are the proto names, as in the contract.
        QVERIFY(!reply.body.contains("defaultBranch"));
        m_repositoryId = repo.value("id").toString();
    }

    void contractCreateAndGetExamples()
    {
        QVERIFY(!m_repositoryId.isEmpty());
        // Verbatim, except that the example's repository must be the one just registered.
        QByteArray body = kCreateExample;
        body.replace(kExampleRepositoryId, m_repositoryId.toLatin1());
        const auto reply = m_http->post(kFeature + "Create", body, m_token);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QVERIFY2(reply.body.contains(R"("state":"FEATURE_STATE_PENDING")"), reply.body.constData());
        const auto execution = reply.json().value("execution").toObject();
        QVERIFY(isUuid(execution.value("id").toString()));
        QCOMPARE(execution.value("correlation_id").toString(), QString("client-request-12345"));
        QCOMPARE(execution.value("repository_id").toString(), m_repositoryId);
        const auto spec = execution.value("spec").toObject();
        QCOMPARE(spec.value("title").toString(), QString("Add user authentication"));
        QCOMPARE(spec.value("target_branch").toString(), QString("main"));
        const auto constraints = spec.value("constraints").toObject();
        QCOMPARE(constraints.value("max_steps").toInt(), 10);
        QCOMPARE(constraints.value("timeout_minutes").toInt(), 30);
        QCOMPARE(constraints.value("require_tests").toBool(), true);
        QCOMPARE(constraints.value("require_build").toBool(), true);
        QVERIFY(execution.value("created_at").toString().endsWith('Z'));
        m_executionId = execution.value("id").toString();

        // Get Feature Status, as in the contract.
        const auto get = m_http->post(kFeature + "Get",
                                      "{\"id\": \"" + m_executionId.toLatin1() + "\"}", m_token);
        QVERIFY2(get.status == 200, get.describe().constData());
        const auto got = get.json().value("execution").toObject();
        QCOMPARE(got.value("id").toString(), m_executionId);
        QCOMPARE(got.value("state").toString(), QString("FEATURE_STATE_PENDING"));
        QCOMPARE(got.value("correlation_id").toString(), QString("client-request-12345"));

        const auto byCorrelation = m_http->post(
            kFeature + "GetByCorrelation", R"({"correlation_id":"client-request-12345"})", m_token);
        QVERIFY2(byCorrelation.status == 200, byCorrelation.describe().constData());
        QCOMPARE(byCorrelation.json().value("execution").toObject().value("id").toString(),
                 m_executionId);
    }

    void createForUnknownRepository()
    {
        // The example as printed names a repository this server does not know.
        const auto reply = m_http->post(kFeature + "Create", kCreateExample, m_token);
        checkError(reply, 404, "not_found");
    }

    void errors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        const QString t = m_builderd.createToken("http-errors", "engineer");
        const QString reviewer = m_builderd.createToken("http-reviewer", "reviewer");
        const QByteArray json = "application/json";
        const QString randomId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QTest::newRow("malformed JSON") << kFeature + "Get" << QByteArray(R"({"id": )") << json << t
                                        << 400 << "invalid_argument";
        QTest::newRow("not an object")
            << kFeature + "Get" << QByteArray("[1,2]") << json << t << 400 << "invalid_argument";
        QTest::newRow("unknown field")
            << kFeature + "Get"
            << QByteArray(R"({"id":")" + randomId.toLatin1() + R"(","bogus":1})") << json << t
            << 400 << "invalid_argument";
        QTest::newRow("wrong JSON type") << kFeature + "Get" << QByteArray(R"({"id": 42})") << json
                                         << t << 400 << "invalid_argument";
        QTest::newRow("unknown enum name")
            << kRepository + "Register"
            << QByteArray(R"({"name":"enum-app","url":"https://example.invalid/a/b.git",)"
                          R"("default_branch":"main",)"
                          R"("credential":{"type":"CREDENTIAL_TYPE_NOPE","token":"t"}})")
            << json << t << 400 << "invalid_argument";
        QTest::newRow("missing token")
            << kFeature + "Get" << QByteArray(R"({"id":")" + randomId.toLatin1() + R"("})") << json
            << QString() << 401 << "unauthenticated";
        QTest::newRow("garbage token")
            << kFeature + "Get" << QByteArray(R"({"id":")" + randomId.toLatin1() + R"("})") << json
            << QString("not-a-token") << 401 << "unauthenticated";
        QTest::newRow("missing token, malformed body")
            << kFeature + "Get" << QByteArray("{") << json << QString() << 401 << "unauthenticated";
        QTest::newRow("reviewer creates") << kFeature + "Create" << QByteArray("{}") << json
                                          << reviewer << 403 << "permission_denied";
        QTest::newRow("not found")
            << kFeature + "Get" << QByteArray(R"({"id":")" + randomId.toLatin1() + R"("})") << json
            << t << 404 << "not_found";
        QTest::newRow("unknown method")
            << kFeature + "NoSuchMethod" << QByteArray("{}") << json << t << 501 << "unimplemented";
        QTest::newRow("unknown service") << QString("/feature.nope.v1.NopeService/Get")
                                         << QByteArray("{}") << json << t << 501 << "unimplemented";
        QTest::newRow("unknown path")
            << QString("/no-such-endpoint") << QByteArray("{}") << json << t << 404 << "not_found";
        QTest::newRow("admin method, engineer")
            << QString("/feature.admin.v1.AdminService/GetKillSwitch") << QByteArray("{}") << json
            << t << 403 << "permission_denied";
        // Media types are case-insensitive (RFC 9110, 8.3.1): this one is JSON.
        QTest::newRow("content type in upper case")
            << kFeature + "Get" << QByteArray(R"({"id":")" + randomId.toLatin1() + R"("})")
            << QByteArray("Application/JSON") << t << 404 << "not_found";
        QTest::newRow("content type with charset")
            << kFeature + "Get" << QByteArray(R"({"id":")" + randomId.toLatin1() + R"("})")
            << QByteArray("application/json; charset=utf-8") << t << 404 << "not_found";
        QTest::newRow("unsupported content type")
            << kFeature + "Get" << QByteArray(R"({"id":")" + randomId.toLatin1() + R"("})")
            << QByteArray("text/plain") << t << 415 << "invalid_argument";
        // Connect reserves the enveloped media type for streaming methods.
        QTest::newRow("connect+json on a unary method")
            << kFeature + "Get" << QByteArray(R"({"id":")" + randomId.toLatin1() + R"("})")
            << QByteArray("application/connect+json") << t << 415 << "invalid_argument";
    }

    void errors()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, token);
        QFETCH(int, status);
        QFETCH(QString, code);
        checkError(m_http->post(path, body, token, contentType), status, code);
    }

    void constraintViolations()
    {
        const auto reply = m_http->post(
            kFeature + "Create",
            R"({"spec":{"title":"","description":"too short","repository_id":"not-a-uuid",)"
            R"("constraints":{"max_steps":99,"timeout_minutes":1}}})",
            m_token);
        checkError(reply, 400, "invalid_argument");
        const auto details = reply.json().value("details").toArray();
        QVERIFY2(!details.isEmpty(), reply.body.constData());
        const auto detail = details.at(0).toObject();
        QCOMPARE(detail.value("@type").toString(),
                 QString("type.googleapis.com/buf.validate.Violations"));
        const auto violations = detail.value("violations").toArray();
        QHash<QString, QString> byField;
        for (const auto& value : violations) {
            const auto v = value.toObject();
            QVERIFY2(!v.value("field_path").toString().isEmpty(), reply.body.constData());
            QVERIFY2(!v.value("constraint_id").toString().isEmpty(), reply.body.constData());
            QVERIFY2(!v.value("message").toString().isEmpty(), reply.body.constData());
            byField.insert(v.value("field_path").toString(), v.value("constraint_id").toString());
        }
        QCOMPARE(byField.value("spec.repository_id"), QString("string.uuid"));
        QCOMPARE(byField.value("spec.title"), QString("string.min_len"));
        QCOMPARE(byField.value("spec.description"), QString("string.min_len"));
        QCOMPARE(byField.value("spec.constraints.max_steps"), QString("int32.lte"));
        QCOMPARE(byField.value("spec.constraints.timeout_minutes"), QString("int32.gte"));

        const auto missingSpec = m_http->post(kFeature + "Create", "{}", m_token);
        checkError(missingSpec, 400, "invalid_argument");
        const auto first = missingSpec.json()
                               .value("details")
                               .toArray()
                               .at(0)
                               .toObject()
                               .value("violations")
                               .toArray()
                               .at(0)
                               .toObject();
        QCOMPARE(first.value("field_path").toString(), QString("spec"));
        QCOMPARE(first.value("constraint_id").toString(), QString("required"));
    }

    void getOnRpcPathIsAnError()
    {
        const auto reply = m_http->get(kFeature + "Get", m_token);
        QVERIFY2(reply.status >= 400 && reply.status < 600, reply.describe().constData());
        QVERIFY(!reply.json().value("code").toString().isEmpty());
        QVERIFY(!reply.json().value("message").toString().isEmpty());
        QCOMPARE(reply.header("allow"), QByteArray("POST"));
    }

    void bodyOverLimitIs413()
    {
        // Content-Length above --max-body-bytes: refused from the head alone, so
        // the body is not even sent (an unread body would reset the connection).
        const QByteArray head = "POST " + (kFeature + "Create").toLatin1() +
                                " HTTP/1.1\r\nHost: " + m_builderd.httpAddress().toLatin1() +
                                "\r\nAuthorization: Bearer " + m_token.toLatin1() +
                                "\r\nContent-Type: application/json\r\nContent-Length: 8192\r\n"
                                "Connection: close\r\n\r\n";
        const auto reply = m_http->raw(head);
        QVERIFY2(reply.status == 413, reply.describe().constData());
        QCOMPARE(reply.json().value("code").toString(), QString("resource_exhausted"));

        // Chunked: refused at the first chunk that would cross the limit.
        const QByteArray chunked = "POST " + (kFeature + "Create").toLatin1() +
                                   " HTTP/1.1\r\nHost: " + m_builderd.httpAddress().toLatin1() +
                                   "\r\nAuthorization: Bearer " + m_token.toLatin1() +
                                   "\r\nContent-Type: application/json\r\n"
                                   "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                   "2000\r\n";
        const auto chunkedReply = m_http->raw(chunked);
        QVERIFY2(chunkedReply.status == 413, chunkedReply.describe().constData());

        // Exactly at the limit is fine: a valid Get padded with spaces to 4096 bytes.
        QByteArray atLimit =
            "{\"id\":\"" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "\"";
        atLimit += QByteArray(4096 - atLimit.size() - 1, ' ') + "}";
        QCOMPARE(atLimit.size(), 4096);
        const auto ok = m_http->post(kFeature + "Get", atLimit, m_token);
        checkError(ok, 404, "not_found");
    }

    void connectStreamingSearch()
    {
        QVERIFY(!m_repositoryId.isEmpty());
        // A second execution, so the stream carries more than one message.
        const auto second = m_http->post(
            kFeature + "Create",
            toJson({{"spec", QJsonObject{{"title", "Second feature"},
                                         {"description", "Another feature to be found by Search."},
                                         {"repository_id", m_repositoryId}}}}),
            m_token);
        QVERIFY2(second.status == 200, second.describe().constData());

        const auto reply =
            m_http->post(kFeature + "Search",
                         HttpTestClient::envelope(0, toJson({{"repository_id", m_repositoryId}})),
                         m_token, "application/connect+json");
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(reply.header("content-type"), QByteArray("application/connect+json"));
        const auto envelopes = HttpTestClient::parseEnvelopes(reply.body);
        QVERIFY2(envelopes.has_value(), reply.body.toHex().constData());
        QCOMPARE(envelopes->size(), 3);
        QSet<QString> ids;
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(envelopes->at(i).flags, quint8(0));
            const auto execution = QJsonDocument::fromJson(envelopes->at(i).data)
                                       .object()
                                       .value("execution")
                                       .toObject();
            QCOMPARE(execution.value("repository_id").toString(), m_repositoryId);
            ids.insert(execution.value("id").toString());
        }
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.contains(m_executionId));
        const auto& end = envelopes->last();
        QCOMPARE(end.flags, quint8(0x02));
        const auto trailer = QJsonDocument::fromJson(end.data).object();
        QVERIFY2(!trailer.contains("error"), end.data.constData());
        QCOMPARE(trailer.value("metadata").toObject().value("x-total-count").toArray(),
                 QJsonArray{"2"});
    }

    void connectStreamingErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<QString>("code");
        QTest::newRow("no token") << HttpTestClient::envelope(0, "{}") << false
                                  << "unauthenticated";
        QTest::newRow("invalid request")
            << HttpTestClient::envelope(0, R"({"repository_id":"nope"})") << true
            << "invalid_argument";
        QByteArray broken = HttpTestClient::envelope(0, "{}");
        broken[4] = 9; // length says 9, two bytes follow
        QTest::newRow("broken envelope") << broken << true << "invalid_argument";
    }

    // Streaming errors travel in the end-stream message, with HTTP 200.
    void connectStreamingErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, withToken);
        QFETCH(QString, code);
        const auto reply = m_http->post(kFeature + "Search", body, withToken ? m_token : QString(),
                                        "application/connect+json");
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const auto envelopes = HttpTestClient::parseEnvelopes(reply.body);
        QVERIFY2(envelopes.has_value() && envelopes->size() == 1, reply.body.toHex().constData());
        QCOMPARE(envelopes->first().flags, quint8(0x02));
        const auto error =
            QJsonDocument::fromJson(envelopes->first().data).object().value("error").toObject();
        QCOMPARE(error.value("code").toString(), code);
        QVERIFY(!error.value("message").toString().isEmpty());
    }

    void metricsCountWhatHappened()
    {
        const auto metrics = m_http->get("/metrics");
        QVERIFY2(metrics.status == 200, metrics.describe().constData());
        const QString text = QString::fromUtf8(metrics.body);
        QVERIFY2(text.contains(R"(builder_executions{state="FEATURE_STATE_PENDING"} 2)"),
                 qPrintable(text));
        const QRegularExpression created(
            R"re(builder_requests_total\{method="feature\.feature\.v1\.FeatureService/Create",code="ok"\} (\d+))re");
        const auto match = created.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        QCOMPARE(match.captured(1).toInt(), 2);
        // The three "errors" rows without a valid token.
        const QRegularExpression refused(
            R"re(builder_requests_total\{method="feature\.feature\.v1\.FeatureService/Get",code="unauthenticated"\} (\d+))re");
        const auto refusedMatch = refused.match(text);
        QVERIFY2(refusedMatch.hasMatch(), qPrintable(text));
        QCOMPARE(refusedMatch.captured(1).toInt(), 3);
    }

    void cleanupTestCase() { QCOMPARE(m_builderd.stop(), 0); }
};

QTEST_GUILESS_MAIN(ConnectHttpTest)
#include "test_connect_http.moc"
