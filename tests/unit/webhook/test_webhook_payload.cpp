#include "webhook/WebhookDispatcher.h"
#include "webhook/WebhookPayload.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using builder::webhook::WebhookConfig;
using builder::webhook::WebhookDispatcher;
using builder::webhook::WebhookPayload;
namespace fv1 = feature::feature::v1;

namespace {

fv1::FeatureExecution execution()
{
    fv1::FeatureExecution e;
    e.set_id("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    e.set_repository_id("550e8400-e29b-41d4-a716-446655440000");
    e.set_correlation_id("ticket-1");
    e.mutable_spec()->set_title("Count characters");
    e.set_state(fv1::FEATURE_STATE_COMPLETED);
    e.mutable_result()->set_branch_name("feature/7c9e6679");
    e.mutable_result()->set_commit_sha("abc123def456789");
    e.mutable_result()->set_commit_count(3);
    e.mutable_error()->set_code(fv1::ERROR_CODE_TEST_FAILED);
    e.mutable_error()->set_message("2 tests failed");
    return e;
}

fv1::FeatureEvent makeEvent(const std::string& type)
{
    fv1::FeatureEvent ev;
    ev.set_id("event-1");
    ev.set_type(type);
    ev.mutable_timestamp()->set_seconds(1705315500); // 2024-01-15T10:45:00Z
    return ev;
}

QJsonObject parse(const std::string& body)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

} // namespace

class TestWebhookPayload : public QObject
{
    Q_OBJECT

private slots:
    void completedHasTheContractShape()
    {
        const auto body = parse(WebhookPayload::body(makeEvent("feature.completed"), execution()));
        QCOMPARE(body["event"].toString(), QStringLiteral("feature.completed"));
        QCOMPARE(body["timestamp"].toString(), QStringLiteral("2024-01-15T10:45:00Z"));
        const auto data = body["data"].toObject();
        QCOMPARE(data["feature_execution_id"].toString(),
                 QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        QCOMPARE(data["repository_id"].toString(),
                 QStringLiteral("550e8400-e29b-41d4-a716-446655440000"));
        QCOMPARE(data["state"].toString(), QStringLiteral("FEATURE_STATE_COMPLETED"));
        QCOMPARE(data["result"].toObject()["branch_name"].toString(),
                 QStringLiteral("feature/7c9e6679"));
        QCOMPARE(data["result"].toObject()["commit_sha"].toString(),
                 QStringLiteral("abc123def456789"));
        QVERIFY(!data.contains("error"));
    }

    void stateChangedReportsTheEventsState()
    {
        auto ev = makeEvent("feature.state_changed");
        (*ev.mutable_payload()->mutable_fields())["from"].set_string_value("FEATURE_STATE_PENDING");
        (*ev.mutable_payload()->mutable_fields())["to"].set_string_value("FEATURE_STATE_ANALYZING");
        // The execution has moved on since; the body tells what the event saw.
        const auto data = parse(WebhookPayload::body(ev, execution()))["data"].toObject();
        QCOMPARE(data["state"].toString(), QStringLiteral("FEATURE_STATE_ANALYZING"));
        QCOMPARE(data["previous_state"].toString(), QStringLiteral("FEATURE_STATE_PENDING"));
        QVERIFY(!data.contains("result"));
    }

    void failedCarriesTheError()
    {
        const auto data =
            parse(WebhookPayload::body(makeEvent("feature.failed"), execution()))["data"]
                .toObject();
        QCOMPARE(data["state"].toString(), QStringLiteral("FEATURE_STATE_FAILED"));
        QCOMPARE(data["error"].toObject()["code"].toString(),
                 QStringLiteral("ERROR_CODE_TEST_FAILED"));
        QCOMPARE(data["error"].toObject()["message"].toString(), QStringLiteral("2 tests failed"));
    }

    void backoffDoublesUpToTheMaximum()
    {
        WebhookConfig c;
        c.retryInitial = std::chrono::seconds(5);
        c.retryMax = std::chrono::seconds(60);
        QCOMPARE(WebhookDispatcher::backoff(c, 1), std::chrono::milliseconds(5000));
        QCOMPARE(WebhookDispatcher::backoff(c, 2), std::chrono::milliseconds(10000));
        QCOMPARE(WebhookDispatcher::backoff(c, 4), std::chrono::milliseconds(40000));
        QCOMPARE(WebhookDispatcher::backoff(c, 5), std::chrono::milliseconds(60000));
        QCOMPARE(WebhookDispatcher::backoff(c, 50), std::chrono::milliseconds(60000));
    }
};

QTEST_GUILESS_MAIN(TestWebhookPayload)
#include "test_webhook_payload.moc"
