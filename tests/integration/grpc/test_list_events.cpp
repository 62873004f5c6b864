// FeatureService.ListEvents over real gRPC against a real builderd: replay,
// live delivery on an open stream, reconnect with after_sequence (no gap, no
// duplicate), type filters, errors, and fan-out isolation across 50 streams.
#include "ApiFixture.h"
#include "EventStreamReader.h"
#include "support/GrpcTestClient.h"

#include <QTest>
#include <QUuid>

#include <set>
#include <thread>

using builder::itest::ApiFixture;
using builder::itest::EventStreamReader;
using builder::testing::GrpcTestClient;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

constexpr int kWaitMs = 10000;

QByteArray describe(const grpc::Status& status)
{
    QByteArray text = QByteArray::number(static_cast<int>(status.error_code())) + " " +
                      QByteArray::fromStdString(status.error_message());
    for (const auto& v : GrpcTestClient::violations(status))
        text += " [" + QByteArray::fromStdString(v.field_path()) + " " +
                QByteArray::fromStdString(v.constraint_id()) + "]";
    return text;
}

std::string payloadString(const fv1::FeatureEvent& event, const std::string& key)
{
    const auto& fields = event.payload().fields();
    const auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second.string_value();
}

QByteArray describe(const std::vector<fv1::FeatureEvent>& events)
{
    QByteArray text;
    for (const auto& e : events)
        text += QByteArray::number(qulonglong(e.sequence_number())) + ":" +
                QByteArray::fromStdString(e.type()) + " ";
    return text;
}

std::int64_t nanos(const google::protobuf::Timestamp& t)
{
    return t.seconds() * 1'000'000'000LL + t.nanos();
}

std::vector<std::uint64_t> sequences(const std::vector<fv1::FeatureEvent>& events)
{
    std::vector<std::uint64_t> out;
    for (const auto& e : events)
        out.push_back(e.sequence_number());
    return out;
}

std::vector<std::string> types(const std::vector<fv1::FeatureEvent>& events)
{
    std::vector<std::string> out;
    for (const auto& e : events)
        out.push_back(e.type());
    return out;
}

fv1::ListEventsRequest eventsRequest(const std::string& id, std::uint64_t after,
                                     std::vector<std::string> eventTypes = {})
{
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(id);
    request.set_after_sequence(after);
    for (auto& t : eventTypes)
        request.add_event_types(std::move(t));
    return request;
}

} // namespace

class ListEventsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiFixture> m_api;
    rv1::Repository m_repo;

    std::unique_ptr<EventStreamReader> open(const fv1::ListEventsRequest& request)
    {
        return std::make_unique<EventStreamReader>(m_api->features(), m_api->token(), request);
    }

    fv1::FeatureExecution createFeature(const std::string& title,
                                        const std::string& correlation = {})
    {
        auto request = ApiFixture::featureRequest(m_repo.id(), title);
        request.set_correlation_id(correlation);
        fv1::FeatureExecution e;
        const auto status = m_api->createFeature(request, &e);
        if (!status.ok())
            qWarning("Create failed: %s", describe(status).constData());
        return e;
    }

private slots:
    void init()
    {
        m_api = std::make_unique<ApiFixture>();
        QVERIFY2(m_api->start(), qPrintable(m_api->errorString()));
        QVERIFY(
            m_api->registerRemote("events", "https://github.com/acme/events.git", &m_repo).ok());
    }

    void cleanup()
    {
        const int exitCode = m_api->stop();
        m_api.reset();
        QCOMPARE(exitCode, 0);
    }

    void replayThenLiveThenReconnect()
    {
        const auto e = createFeature("Events of one execution", "corr-events");
        QVERIFY(!e.id().empty());

        // Replay: the creation is event 1.
        auto live = open(eventsRequest(e.id(), 0));
        QVERIFY2(live->waitForCount(1, kWaitMs), describe(live->events()));
        auto events = live->events();
        QCOMPARE(events.front().type(), "feature.created");
        QCOMPARE(events.front().sequence_number(), std::uint64_t(1));
        QCOMPARE(payloadString(events.front(), "repository_id"), m_repo.id());
        QVERIFY(ApiFixture::isUuid(events.front().id()));
        QVERIFY(!events.front().summary().empty());
        QVERIFY(events.front().has_timestamp());

        // Live: the still-open stream sees the cancellation, in order.
        QVERIFY(m_api->cancelFeature(e.id(), nullptr, "stop it").ok());
        QVERIFY2(live->waitForCount(3, kWaitMs), describe(live->events()));
        events = live->events();
        QCOMPARE(types(events),
                 (std::vector<std::string>{"feature.created", "feature.state_changed",
                                           "feature.cancelled"}));
        QCOMPARE(sequences(events), (std::vector<std::uint64_t>{1, 2, 3}));
        QCOMPARE(payloadString(events[1], "from"), "FEATURE_STATE_PENDING");
        QCOMPARE(payloadString(events[1], "to"), "FEATURE_STATE_CANCELLED");
        for (std::size_t i = 1; i < events.size(); ++i)
            QVERIFY(nanos(events[i].timestamp()) >= nanos(events[i - 1].timestamp()));
        QCOMPARE(payloadString(events[2], "reason"), "stop it");
        QVERIFY(!live->finished()); // a live stream stays open
        const auto liveEvents = live->events();
        QCOMPARE(live->close().error_code(), grpc::StatusCode::CANCELLED);

        // Reconnect after 1: exactly 2 and 3, the same events as seen live.
        auto again = open(eventsRequest(e.id(), 1));
        QVERIFY2(again->waitForCount(2, kWaitMs), describe(again->events()));
        again->close();
        events = again->events();
        QCOMPARE(sequences(events), (std::vector<std::uint64_t>{2, 3}));
        QCOMPARE(events[0].id(), liveEvents[1].id());
        QCOMPARE(events[1].id(), liveEvents[2].id());
        QCOMPARE(events[1].type(), "feature.cancelled");
    }

    void filterByType_data()
    {
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<QList<int>>("expected");
        QTest::addRow("cancelled only") << QStringList{"feature.cancelled"} << QList<int>{3};
        QTest::addRow("created and cancelled")
            << QStringList{"feature.created", "feature.cancelled"} << QList<int>{1, 3};
        QTest::addRow("state changes only")
            << QStringList{"feature.state_changed"} << QList<int>{2};
    }

    void filterByType()
    {
        QFETCH(QStringList, filter);
        QFETCH(QList<int>, expected);
        const auto e = createFeature("Filtered events");
        QVERIFY(!e.id().empty());
        QVERIFY(m_api->cancelFeature(e.id(), nullptr).ok());

        std::vector<std::string> wanted;
        for (const auto& t : filter)
            wanted.push_back(t.toStdString());
        auto stream = open(eventsRequest(e.id(), 0, wanted));
        // Events arrive in sequence order: once the last expected one is here,
        // every earlier event has been either delivered or filtered out.
        QVERIFY2(stream->waitForCount(std::size_t(expected.size()), kWaitMs),
                 describe(stream->events()));
        stream->close();
        const auto events = stream->events();
        QCOMPARE(events.size(), std::size_t(expected.size()));
        for (std::size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].sequence_number(), std::uint64_t(expected[int(i)]));
            QVERIFY(filter.contains(QString::fromStdString(events[i].type())));
        }
    }

    void filterAppliesToLiveEvents()
    {
        const auto e = createFeature("Filtered while live");
        QVERIFY(!e.id().empty());
        auto stream = open(eventsRequest(e.id(), 0, {"feature.created", "feature.cancelled"}));
        // The replayed creation proves the stream is live before the cancellation.
        QVERIFY2(stream->waitForCount(1, kWaitMs), describe(stream->events()));
        QVERIFY(m_api->cancelFeature(e.id(), nullptr).ok());
        QVERIFY2(stream->waitForCount(2, kWaitMs), describe(stream->events()));
        stream->close();
        const auto events = stream->events();
        QCOMPARE(sequences(events), (std::vector<std::uint64_t>{1, 3}));
        QCOMPARE(types(events), (std::vector<std::string>{"feature.created", "feature.cancelled"}));
    }

    // Streams opened while their execution is being cancelled: whether an event
    // reaches a stream by replay or live, it arrives once and in order.
    void openRacingWithCancel()
    {
        constexpr int kExecutions = 30;
        std::vector<fv1::FeatureExecution> executions;
        for (int i = 0; i < kExecutions; ++i) {
            executions.push_back(createFeature("Race " + std::to_string(i)));
            QVERIFY(!executions.back().id().empty());
        }
        std::vector<grpc::Status> cancels(kExecutions);
        std::vector<std::unique_ptr<EventStreamReader>> streams;
        std::thread canceller([&] {
            for (int i = 0; i < kExecutions; ++i)
                cancels[i] = m_api->cancelFeature(executions[i].id(), nullptr);
        });
        for (const auto& e : executions)
            streams.push_back(open(eventsRequest(e.id(), 0)));
        canceller.join();
        for (int i = 0; i < kExecutions; ++i) {
            QVERIFY2(cancels[i].ok(), describe(cancels[i]));
            QVERIFY2(streams[i]->waitForCount(3, kWaitMs),
                     qPrintable(QString::number(i) + ": " + describe(streams[i]->events())));
        }
        for (auto& stream : streams)
            stream->close();
        for (int i = 0; i < kExecutions; ++i)
            QVERIFY2(sequences(streams[i]->events()) == (std::vector<std::uint64_t>{1, 2, 3}),
                     qPrintable(QString::number(i) + ": " + describe(streams[i]->events())));
    }

    void errors()
    {
        auto unknown = open(
            eventsRequest(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(), 0));
        QVERIFY(unknown->waitFinished(kWaitMs));
        QCOMPARE(unknown->status().error_code(), grpc::StatusCode::NOT_FOUND);
        QCOMPARE(unknown->count(), std::size_t(0));

        auto malformed = open(eventsRequest("not-a-uuid", 0));
        QVERIFY(malformed->waitFinished(kWaitMs));
        const auto status = malformed->status();
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        const auto violations = GrpcTestClient::violations(status);
        QVERIFY2(violations.size() == 1 &&
                     violations.front().field_path() == "feature_execution_id" &&
                     violations.front().constraint_id() == "string.uuid",
                 describe(status));
    }

    void reconnectSeesOnlyNewEvents()
    {
        const auto e = createFeature("Reconnecting clients");
        QVERIFY(!e.id().empty());

        auto a = open(eventsRequest(e.id(), 0));
        QVERIFY2(a->waitForCount(1, kWaitMs), describe(a->events()));
        QVERIFY(m_api->cancelFeature(e.id(), nullptr).ok());
        QVERIFY2(a->waitForCount(3, kWaitMs), describe(a->events()));
        const auto lastSeen = a->events().back().sequence_number();
        QCOMPARE(lastSeen, std::uint64_t(3));

        // B resumes where A is: nothing old is replayed to it.
        auto b = open(eventsRequest(e.id(), lastSeen));

        // Retrying appends feature.retried to the old execution: both see it once.
        fv1::RetryRequest retry;
        retry.set_id(e.id());
        fv1::RetryResponse retried;
        {
            auto ctx = m_api->ctx();
            const auto status = m_api->features().Retry(ctx.get(), retry, &retried);
            QVERIFY2(status.ok(), describe(status));
        }
        QVERIFY(retried.execution().id() != e.id());

        QVERIFY2(a->waitForCount(4, kWaitMs), describe(a->events()));
        QVERIFY2(b->waitForCount(1, kWaitMs), describe(b->events()));
        // The new execution's own events stay on its own stream.
        auto child = open(eventsRequest(retried.execution().id(), 0));
        QVERIFY2(child->waitForCount(1, kWaitMs), describe(child->events()));
        child->close();
        QCOMPARE(child->events().front().type(), "feature.created");
        QCOMPARE(payloadString(child->events().front(), "retry_of"), e.id());

        a->close();
        b->close();
        const auto aEvents = a->events();
        const auto bEvents = b->events();
        QCOMPARE(sequences(aEvents), (std::vector<std::uint64_t>{1, 2, 3, 4}));
        QCOMPARE(aEvents.back().type(), "feature.retried");
        QCOMPARE(payloadString(aEvents.back(), "retry_id"), retried.execution().id());
        QCOMPARE(sequences(bEvents), (std::vector<std::uint64_t>{4}));
        QCOMPARE(bEvents.front().type(), "feature.retried");
        QCOMPARE(bEvents.front().id(), aEvents.back().id());
    }

    // feature.created means the same thing whichever way the execution came to be:
    // consumers (timeline, webhooks) read its repository from the payload.
    void retriedExecutionCreatedEventNamesItsRepository()
    {
        const auto e = createFeature("Created, cancelled, retried", "corr-retried");
        QVERIFY(!e.id().empty());
        QVERIFY(m_api->cancelFeature(e.id(), nullptr).ok());
        fv1::RetryRequest retry;
        retry.set_id(e.id());
        fv1::RetryResponse retried;
        {
            auto ctx = m_api->ctx();
            const auto status = m_api->features().Retry(ctx.get(), retry, &retried);
            QVERIFY2(status.ok(), describe(status));
        }
        auto original = open(eventsRequest(e.id(), 0, {"feature.created"}));
        auto child = open(eventsRequest(retried.execution().id(), 0, {"feature.created"}));
        QVERIFY2(original->waitForCount(1, kWaitMs), describe(original->events()));
        QVERIFY2(child->waitForCount(1, kWaitMs), describe(child->events()));
        original->close();
        child->close();
        const auto first = original->events().front();
        const auto second = child->events().front();
        QCOMPARE(first.sequence_number(), std::uint64_t(1));
        QCOMPARE(second.sequence_number(), std::uint64_t(1));
        QCOMPARE(payloadString(first, "repository_id"), m_repo.id());
        QCOMPARE(payloadString(second, "retry_of"), e.id());
        QCOMPARE(payloadString(second, "repository_id"), m_repo.id());
        QCOMPARE(payloadString(second, "correlation_id"), "corr-retried");
    }

    void fiftyStreamsAreIsolated()
    {
        constexpr int kStreams = 50;
        std::vector<fv1::FeatureExecution> executions;
        for (int i = 0; i < kStreams; ++i) {
            executions.push_back(
                createFeature("Fan-out " + std::to_string(i), "fanout-" + std::to_string(i)));
            QVERIFY(!executions.back().id().empty());
        }
        std::vector<std::unique_ptr<EventStreamReader>> streams;
        for (const auto& e : executions)
            streams.push_back(open(eventsRequest(e.id(), 0)));
        // Every stream is open and subscribed once its replay arrived.
        for (int i = 0; i < kStreams; ++i)
            QVERIFY2(streams[i]->waitForCount(1, kWaitMs), qPrintable(QString::number(i)));

        for (const auto& e : executions)
            QVERIFY(m_api->cancelFeature(e.id(), nullptr, "cancel " + e.id()).ok());
        for (int i = 0; i < kStreams; ++i)
            QVERIFY2(streams[i]->waitForCount(3, kWaitMs),
                     qPrintable(QString::number(i) + ": " + describe(streams[i]->events())));
        for (auto& s : streams)
            s->close();

        std::set<std::string> eventIds;
        for (int i = 0; i < kStreams; ++i) {
            const auto events = streams[i]->events();
            const auto& id = executions[i].id();
            QVERIFY2(events.size() == 3, qPrintable(QString::number(i) + ": " + describe(events)));
            QCOMPARE(sequences(events), (std::vector<std::uint64_t>{1, 2, 3}));
            QCOMPARE(types(events),
                     (std::vector<std::string>{"feature.created", "feature.state_changed",
                                               "feature.cancelled"}));
            // Each stream's events name its own execution.
            QCOMPARE(payloadString(events[0], "correlation_id"), "fanout-" + std::to_string(i));
            QCOMPARE(payloadString(events[2], "reason"), "cancel " + id);
            for (const auto& event : events)
                QVERIFY2(eventIds.insert(event.id()).second, "an event reached two streams");
        }
        QCOMPARE(eventIds.size(), std::size_t(3 * kStreams));
    }
};

QTEST_GUILESS_MAIN(ListEventsTest)
#include "test_list_events.moc"
