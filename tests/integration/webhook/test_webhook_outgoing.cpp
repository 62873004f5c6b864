#include "WebhookReceiver.h"
#include "feature/admin/v1/admin.grpc.pb.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTest>

using namespace builder;
using itest::WebhookReceiver;
using testing::BuilderdProcess;
using testing::GrpcTestClient;
namespace av1 = feature::admin::v1;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

const QByteArray kSecret = "outgoing-webhook-secret-for-tests";

// Checked with Qt's own HMAC, independently of builderd's code.
QByteArray expectedSignature(const QByteArray& body)
{
    return "sha256=" +
           QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256).toHex();
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes away
}

} // namespace

// Outgoing webhooks from a real builderd to a loopback receiver: the body in
// the contract's shape, signed, retried after a 500, and the delivery log.
class TestWebhookOutgoing : public QObject
{
    Q_OBJECT

private:
    std::vector<WebhookReceiver::Request> ofEvent(const WebhookReceiver& receiver,
                                                  const QByteArray& event)
    {
        std::vector<WebhookReceiver::Request> out;
        for (const auto& r : receiver.requests())
            if (r.headers.value("x-builder-event") == event)
                out.push_back(r);
        return out;
    }

private slots:
    void deliversSignedRetriesAndLogs()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.script({500});
        const QString url =
            QString("http://127.0.0.1:%1/hooks/builder?token=path-secret").arg(receiver.port());
        BuilderdProcess::Options options;
        options.extraArgs = {
            "--rate-limits",           "off",
            "--webhook.url",           url,
            "--webhook.url.broken",    QString("http://127.0.0.1:%1/nowhere").arg(closedPort()),
            "--webhook.secret",        QString(kSecret),
            "--webhook.retry_initial", "200ms",
            "--webhook.retry_max",     "400ms",
            "--webhook.max_attempts",  "2",
            "--webhook.timeout",       "2s"};
        BuilderdProcess builderd(options);
        QVERIFY2(builderd.start(), qPrintable(builderd.errorString()));
        const auto token = builderd.adminToken();
        auto channel = GrpcTestClient::channel(builderd.grpcAddress());
        auto repos = rv1::RepositoryService::NewStub(channel);
        auto features = fv1::FeatureService::NewStub(channel);
        auto admin = av1::AdminService::NewStub(channel);

        rv1::RegisterRequest reg;
        reg.set_name("widgets");
        reg.set_url("https://git.example.invalid/acme/widgets.git");
        reg.set_default_branch("main");
        rv1::RegisterResponse registered;
        QVERIFY(repos->Register(GrpcTestClient::context(token).get(), reg, &registered).ok());
        fv1::CreateRequest create;
        create.mutable_spec()->set_repository_id(registered.repository().id());
        create.mutable_spec()->set_title("Count characters");
        create.mutable_spec()->set_description("Add a -c option printing the character count.");
        create.set_correlation_id("ticket-17");
        fv1::CreateResponse created;
        QVERIFY(features->Create(GrpcTestClient::context(token).get(), create, &created).ok());
        const auto id = QString::fromStdString(created.execution().id());

        // The first attempt got a 500; the retry, a moment later, was accepted.
        QTRY_VERIFY_WITH_TIMEOUT(ofEvent(receiver, "feature.created").size() >= 2, 15000);
        const auto attempts = ofEvent(receiver, "feature.created");
        QCOMPARE(attempts.size(), std::size_t(2));
        QCOMPARE(attempts[0].answered, 500);
        QCOMPARE(attempts[1].answered, 200);
        for (const auto& a : attempts) {
            QCOMPARE(a.method, QByteArray("POST"));
            QCOMPARE(a.target, QByteArray("/hooks/builder?token=path-secret"));
            QCOMPARE(a.headers.value("content-type"), QByteArray("application/json"));
            QCOMPARE(a.headers.value("x-builder-signature-256"), expectedSignature(a.body));
            QCOMPARE(a.headers.value("x-builder-delivery"),
                     attempts[0].headers.value("x-builder-delivery"));
        }
        const auto body = QJsonDocument::fromJson(attempts[1].body).object();
        QCOMPARE(body["event"].toString(), QStringLiteral("feature.created"));
        QVERIFY(!body["timestamp"].toString().isEmpty());
        const auto data = body["data"].toObject();
        QCOMPARE(data["feature_execution_id"].toString(), id);
        QCOMPARE(data["repository_id"].toString(),
                 QString::fromStdString(registered.repository().id()));
        QCOMPARE(data["state"].toString(), QStringLiteral("FEATURE_STATE_PENDING"));
        QCOMPARE(data["correlation_id"].toString(), QStringLiteral("ticket-17"));

        // A state change is delivered too.
        fv1::CancelRequest cancel;
        cancel.set_id(created.execution().id());
        fv1::CancelResponse cancelled;
        QVERIFY(features->Cancel(GrpcTestClient::context(token).get(), cancel, &cancelled).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!ofEvent(receiver, "feature.state_changed").empty(), 15000);
        const auto changed =
            QJsonDocument::fromJson(ofEvent(receiver, "feature.state_changed").front().body)
                .object()["data"]
                .toObject();
        QCOMPARE(changed["state"].toString(), QStringLiteral("FEATURE_STATE_CANCELLED"));
        QCOMPARE(changed["previous_state"].toString(), QStringLiteral("FEATURE_STATE_PENDING"));

        // The delivery log: delivered after two attempts, and the endpoint
        // nobody listens on failed after its two.
        av1::ListWebhookDeliveriesResponse log;
        auto complete = [&] {
            av1::ListWebhookDeliveriesRequest request;
            log.Clear();
            if (!admin->ListWebhookDeliveries(GrpcTestClient::context(token).get(), request, &log)
                     .ok())
                return false;
            int settled = 0;
            for (const auto& d : log.deliveries())
                settled += d.state() != av1::WEBHOOK_DELIVERY_STATE_PENDING ? 1 : 0;
            return settled == 4; // two events, two endpoints
        };
        QTRY_VERIFY_WITH_TIMEOUT(complete(), 15000);
        for (const auto& d : log.deliveries()) {
            QCOMPARE(QString::fromStdString(d.feature_execution_id()), id);
            // The URL is shown without its path: it may carry a token.
            QVERIFY(d.url().find("token") == std::string::npos);
            if (d.endpoint() == "default") {
                QCOMPARE(d.state(), av1::WEBHOOK_DELIVERY_STATE_DELIVERED);
                QCOMPARE(d.last_status_code(), 200);
                QCOMPARE(QString::fromStdString(d.url()),
                         QString("http://127.0.0.1:%1").arg(receiver.port()));
                if (d.event() == "feature.created")
                    QCOMPARE(d.attempts(), 2);
            } else {
                QCOMPARE(QString::fromStdString(d.endpoint()), QStringLiteral("broken"));
                QCOMPARE(d.state(), av1::WEBHOOK_DELIVERY_STATE_FAILED);
                QCOMPARE(d.attempts(), 2);
                QVERIFY(!d.last_error().empty());
            }
        }
        av1::ListWebhookDeliveriesRequest failedOnly;
        failedOnly.set_state(av1::WEBHOOK_DELIVERY_STATE_FAILED);
        QVERIFY(admin->ListWebhookDeliveries(GrpcTestClient::context(token).get(), failedOnly, &log)
                    .ok());
        QCOMPARE(log.deliveries_size(), 2);
        QCOMPARE(log.pagination().total_count(), 2);

        // An engineer may not read the log.
        const auto engineer = builderd.createToken("erin", "engineer");
        QCOMPARE(admin->ListWebhookDeliveries(GrpcTestClient::context(engineer).get(), {}, &log)
                     .error_code(),
                 grpc::PERMISSION_DENIED);
    }

    void urlWithoutSecretIsRefusedAtStart()
    {
        BuilderdProcess::Options options;
        options.extraArgs = {"--webhook.url", "http://127.0.0.1:9/hook"};
        options.startTimeoutMs = 10000;
        BuilderdProcess builderd(options);
        QVERIFY(!builderd.start());
        QVERIFY2(builderd.output().contains("webhook.secret"), builderd.output().constData());
    }
};

QTEST_GUILESS_MAIN(TestWebhookOutgoing)
#include "test_webhook_outgoing.moc"
