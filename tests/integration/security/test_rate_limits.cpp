// Contract rate limits: Feature.Create 10 per minute per principal, reported in
// x-ratelimit-* metadata / X-RateLimit-* headers, refused with RESOURCE_EXHAUSTED
// (HTTP 429); other principals and buckets are unaffected; switchable off.
#include "GenericCall.h"
#include "HttpTestClient.h"
#include "feature/feature/v1/feature.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using builder::testing::BuilderdProcess;
using builder::testing::GenericCall;
using builder::testing::GrpcTestClient;
using builder::testing::HttpTestClient;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

const std::string kCreate = "/feature.feature.v1.FeatureService/Create";
const QString kCreatePath = "/feature.feature.v1.FeatureService/Create";

// One observed call: its code and the three rate-limit values.
struct Observed
{
    int code = -1;
    QByteArray limit;
    QByteArray remaining;
    QByteArray reset;
    QByteArray body;
};

QByteArray first(const std::multimap<std::string, std::string>& map, const std::string& key)
{
    const auto it = map.find(key);
    return it == map.end() ? QByteArray() : QByteArray::fromStdString(it->second);
}

Observed observe(const GenericCall::Outcome& outcome)
{
    // Rate-limit metadata belongs in the initial metadata, where clients read it
    // before the (possibly streamed) response.
    return {outcome.status.error_code(), first(outcome.initialMetadata, "x-ratelimit-limit"),
            first(outcome.initialMetadata, "x-ratelimit-remaining"),
            first(outcome.initialMetadata, "x-ratelimit-reset"),
            QByteArray::fromStdString(outcome.status.error_message())};
}

Observed observe(const HttpTestClient::Reply& reply)
{
    return {reply.status, reply.header("x-ratelimit-limit"), reply.header("x-ratelimit-remaining"),
            reply.header("x-ratelimit-reset"), reply.body};
}

// All calls inside one fixed window: a window boundary in the middle of a run
// restarts the count, and the run is repeated with a fresh principal.
bool sameWindow(const QList<Observed>& calls)
{
    for (const auto& call : calls)
        if (call.reset != calls.first().reset)
            return false;
    return true;
}

std::string validCreate(const std::string& repositoryId)
{
    fv1::CreateRequest request;
    request.mutable_spec()->set_title("Rate limited feature");
    request.mutable_spec()->set_description("A feature used to exercise the rate limits.");
    request.mutable_spec()->set_repository_id(repositoryId);
    return request.SerializeAsString();
}

} // namespace

class RateLimitsTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd;
    std::shared_ptr<grpc::Channel> m_channel;
    QString m_exhaustedToken; // a principal whose Feature.Create window is used up
    int m_users = 0;

    QString freshToken(BuilderdProcess& builderd, const QString& role = "engineer")
    {
        return builderd.createToken(QString("limited-%1").arg(++m_users), role);
    }

    // Eleven invalid Create calls (they count like valid ones) by one fresh
    // principal, all inside one window.
    QList<Observed> elevenGrpcCreates(QString* token)
    {
        QList<Observed> calls;
        for (int attempt = 0; attempt < 3; ++attempt) {
            *token = freshToken(m_builderd);
            calls.clear();
            for (int i = 0; i < 11; ++i)
                calls.append(observe(GenericCall::unary(m_channel, kCreate, {}, *token)));
            if (sameWindow(calls))
                break;
        }
        return calls;
    }

    static std::string registerRepository(const std::shared_ptr<grpc::Channel>& channel,
                                          const QString& token, const std::string& name)
    {
        auto stub = rv1::RepositoryService::NewStub(channel);
        rv1::RegisterRequest request;
        request.set_name(name);
        request.set_url("https://example.invalid/acme/" + name + ".git");
        request.set_default_branch("main");
        rv1::RegisterResponse response;
        auto ctx = GrpcTestClient::context(token);
        const auto status = stub->Register(ctx.get(), request, &response);
        return status.ok() ? response.repository().id() : std::string();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_channel = GrpcTestClient::channel(m_builderd.grpcAddress());
    }

    void grpcEleventhCreateIsExhausted()
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        QString token;
        const auto calls = elevenGrpcCreates(&token);
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(sameWindow(calls), "three runs each crossed a window boundary");
        for (int i = 0; i < 10; ++i) {
            QVERIFY2(calls[i].code == grpc::INVALID_ARGUMENT,
                     qPrintable(QString("call %1: code %2 %3")
                                    .arg(i + 1)
                                    .arg(calls[i].code)
                                    .arg(QString::fromUtf8(calls[i].body))));
            QCOMPARE(calls[i].limit, QByteArray("10"));
            QCOMPARE(calls[i].remaining, QByteArray::number(9 - i));
        }
        const Observed& eleventh = calls[10];
        QVERIFY2(eleventh.code == grpc::RESOURCE_EXHAUSTED,
                 qPrintable(QString("11th call: code %1").arg(eleventh.code)));
        QCOMPARE(eleventh.limit, QByteArray("10"));
        QCOMPARE(eleventh.remaining, QByteArray("0"));
        bool ok = false;
        const qint64 reset = eleventh.reset.toLongLong(&ok);
        QVERIFY2(ok, eleventh.reset.constData());
        QVERIFY2(
            reset > before && reset <= after + 60,
            qPrintable(
                QString("reset %1 not within (%2, %3]").arg(reset).arg(before).arg(after + 60)));
        QVERIFY2(eleventh.body.contains("rate limit"), eleventh.body.constData());
        m_exhaustedToken = token;
    }

    void otherPrincipalIsNotLimited()
    {
        QVERIFY(!m_exhaustedToken.isEmpty());
        // Still exhausted...
        const auto again = observe(GenericCall::unary(m_channel, kCreate, {}, m_exhaustedToken));
        if (again.reset.toLongLong() > QDateTime::currentSecsSinceEpoch())
            QCOMPARE(again.code, int(grpc::RESOURCE_EXHAUSTED));
        // ...but another engineer has a window of their own,
        const auto other =
            observe(GenericCall::unary(m_channel, kCreate, {}, freshToken(m_builderd)));
        QCOMPARE(other.code, int(grpc::INVALID_ARGUMENT));
        QCOMPARE(other.limit, QByteArray("10"));
        QCOMPARE(other.remaining, QByteArray("9"));
        // ...and the exhausted principal's other buckets are untouched.
        fv1::GetRequest get;
        get.set_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        const auto read =
            observe(GenericCall::unary(m_channel, "/feature.feature.v1.FeatureService/Get",
                                       get.SerializeAsString(), m_exhaustedToken));
        QCOMPARE(read.code, int(grpc::NOT_FOUND));
        QCOMPARE(read.limit, QByteArray("100"));
    }

    void httpEleventhCreateIs429()
    {
        HttpTestClient http(m_builderd.httpAddress());
        QList<Observed> calls;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const QString token = freshToken(m_builderd);
            calls.clear();
            for (int i = 0; i < 11; ++i)
                calls.append(observe(http.post(kCreatePath, "{}", token)));
            if (sameWindow(calls))
                break;
        }
        QVERIFY2(sameWindow(calls), "three runs each crossed a window boundary");
        for (int i = 0; i < 10; ++i) {
            QVERIFY2(calls[i].code == 400, calls[i].body.constData());
            QCOMPARE(calls[i].limit, QByteArray("10"));
            QCOMPARE(calls[i].remaining, QByteArray::number(9 - i));
        }
        const Observed& eleventh = calls[10];
        QVERIFY2(eleventh.code == 429, eleventh.body.constData());
        QCOMPARE(eleventh.limit, QByteArray("10"));
        QCOMPARE(eleventh.remaining, QByteArray("0"));
        const qint64 reset = eleventh.reset.toLongLong();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(reset >= now && reset <= now + 60, eleventh.reset.constData());
        const auto json = QJsonDocument::fromJson(eleventh.body).object();
        QCOMPARE(json.value("code").toString(), QString("resource_exhausted"));
        QVERIFY(!json.value("message").toString().isEmpty());
    }

    // One principal, one count, whichever transport the calls take.
    void limitIsSharedAcrossTransports()
    {
        QVERIFY(!m_exhaustedToken.isEmpty());
        HttpTestClient http(m_builderd.httpAddress());
        const auto reply = http.post(kCreatePath, "{}", m_exhaustedToken);
        if (reply.header("x-ratelimit-reset").toLongLong() <= QDateTime::currentSecsSinceEpoch() ||
            reply.header("x-ratelimit-remaining") == "9")
            QSKIP("the gRPC window ended before this call; nothing to compare");
        QVERIFY2(reply.status == 429, reply.describe().constData());
        QCOMPARE(reply.json().value("code").toString(), QString("resource_exhausted"));
    }

    // The contract's other buckets: Search 20, Repository.Register 10 on its own,
    // every other RepositoryService method sharing "Repository.*" (100).
    void otherBucketsAndStreamingCalls()
    {
        const QString token = freshToken(m_builderd);
        const auto search = observe(GenericCall::serverStreaming(
            m_channel, "/feature.feature.v1.FeatureService/Search", {}, token));
        QCOMPARE(search.code, int(grpc::OK));
        QCOMPARE(search.limit, QByteArray("20"));
        QCOMPARE(search.remaining, QByteArray("19"));

        QList<Observed> calls;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const QString t = freshToken(m_builderd);
            calls.clear();
            rv1::GetByNameRequest byName;
            byName.set_name("nothing-here");
            calls.append(observe(
                GenericCall::unary(m_channel, "/feature.repository.v1.RepositoryService/GetByName",
                                   byName.SerializeAsString(), t)));
            rv1::GetRequest get;
            get.set_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
            calls.append(observe(GenericCall::unary(m_channel,
                                                    "/feature.repository.v1.RepositoryService/Get",
                                                    get.SerializeAsString(), t)));
            calls.append(observe(GenericCall::unary(
                m_channel, "/feature.repository.v1.RepositoryService/Register", {}, t)));
            if (sameWindow(calls))
                break;
        }
        QCOMPARE(calls[0].code, int(grpc::NOT_FOUND));
        QCOMPARE(calls[0].limit, QByteArray("100"));
        QCOMPARE(calls[0].remaining, QByteArray("99"));
        QCOMPARE(calls[1].code, int(grpc::NOT_FOUND));
        QCOMPARE(calls[1].remaining, QByteArray("98")); // same bucket as GetByName
        QCOMPARE(calls[2].code, int(grpc::INVALID_ARGUMENT));
        QCOMPARE(calls[2].limit, QByteArray("10"));
        QCOMPARE(calls[2].remaining, QByteArray("9")); // a bucket of its own

        // Streaming over HTTP reports the limit in the response headers too.
        HttpTestClient http(m_builderd.httpAddress());
        const auto reply =
            http.post("/feature.feature.v1.FeatureService/Search",
                      HttpTestClient::envelope(0, "{}"), token, "application/connect+json");
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(reply.header("x-ratelimit-limit"), QByteArray("20"));
        QVERIFY(!reply.header("x-ratelimit-remaining").isEmpty());
        QVERIFY(!reply.header("x-ratelimit-reset").isEmpty());
    }

    void rateLimitsOff()
    {
        BuilderdProcess::Options options;
        options.extraArgs = {"--rate-limits", "off"};
        BuilderdProcess builderd(options);
        QVERIFY2(builderd.start(), qPrintable(builderd.errorString()));
        auto channel = GrpcTestClient::channel(builderd.grpcAddress());
        const QString token = builderd.createToken("unlimited", "engineer");
        const std::string repositoryId = registerRepository(channel, token, "unlimited-app");
        QVERIFY(!repositoryId.empty());
        for (int i = 0; i < 30; ++i) {
            const auto outcome =
                GenericCall::unary(channel, kCreate, validCreate(repositoryId), token);
            QVERIFY2(outcome.status.ok(),
                     qPrintable(QString("create %1: %2")
                                    .arg(i + 1)
                                    .arg(QString::fromStdString(outcome.status.error_message()))));
        }
        // Invalid requests are not refused for their number either, over HTTP too.
        HttpTestClient http(builderd.httpAddress());
        for (int i = 0; i < 12; ++i) {
            const auto reply = http.post(kCreatePath, "{}", token);
            QVERIFY2(reply.status == 400, reply.describe().constData());
        }
        QCOMPARE(builderd.stop(), 0);
    }

    void configFileOverridesALimit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile config(dir.filePath("builderd.conf"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("# tighter than the contract default\nrate_limit.Feature.Create = 3\n");
        config.close();
        BuilderdProcess::Options options;
        options.extraArgs = {"--config", config.fileName()};
        BuilderdProcess builderd(options);
        QVERIFY2(builderd.start(), qPrintable(builderd.errorString()));
        auto channel = GrpcTestClient::channel(builderd.grpcAddress());
        QList<Observed> calls;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const QString token = freshToken(builderd);
            calls.clear();
            for (int i = 0; i < 4; ++i)
                calls.append(observe(GenericCall::unary(channel, kCreate, {}, token)));
            if (sameWindow(calls))
                break;
        }
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(calls[i].code, int(grpc::INVALID_ARGUMENT));
            QCOMPARE(calls[i].limit, QByteArray("3"));
        }
        QCOMPARE(calls[3].code, int(grpc::RESOURCE_EXHAUSTED));
        QCOMPARE(builderd.stop(), 0);
    }

    void cleanupTestCase() { QCOMPARE(m_builderd.stop(), 0); }
};

QTEST_GUILESS_MAIN(RateLimitsTest)
#include "test_rate_limits.moc"
