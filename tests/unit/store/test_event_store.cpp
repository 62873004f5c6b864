// EventStore::listEncoded() hands replays the stored payload bytes without
// decoding them; what it returns must parse to exactly what list() returns.
#include "StoreFixture.h"

#include "store/EventStore.h"

#include <google/protobuf/util/message_differencer.h>

#include <QTest>

using namespace builder;
using store::Connection;
using store::EventStore;
namespace fv1 = feature::feature::v1;

namespace {

google::protobuf::Struct nestedPayload()
{
    google::protobuf::Struct payload;
    auto& fields = *payload.mutable_fields();
    fields["provider"].set_string_value("anthropic");
    fields["tokens_in"].set_number_value(5123);
    fields["cached"].set_bool_value(true);
    fields["nothing"].set_null_value(google::protobuf::NULL_VALUE);
    auto* list = fields["files"].mutable_list_value();
    list->add_values()->set_string_value("src/main.cpp");
    list->add_values()->set_number_value(-1.5);
    (*fields["usage"].mutable_struct_value()->mutable_fields())["cost"].set_number_value(0.0231);
    return payload;
}

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::string m_execution;

    std::uint64_t append(const std::string& type, const std::string& summary,
                         const google::protobuf::Struct& payload, std::int64_t atMillis)
    {
        auto seq = m_fixture->db->write([&](Connection& c) -> common::Result<std::uint64_t> {
            return EventStore::append(c, m_execution, type, summary, payload, atMillis)
                .sequence_number();
        });
        return seq.ok() ? seq.value() : 0;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<testing::StoreFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error().c_str());
        const auto repo = m_fixture->addRepository("events");
        m_execution = m_fixture->addExecution(repo, "Events", "Encoded replays matter");
        QVERIFY(!m_execution.empty());
    }

    void encodedEventsParseToTheListedOnes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<bool>("nested");
        QTest::addColumn<qint64>("atMillis");
        QTest::addRow("empty payload") << "feature.created"
                                       << "created" << false << qint64(1700000000123);
        QTest::addRow("nested payload") << "llm.call"
                                        << "model call" << true << qint64(1700000000999);
        QTest::addRow("timestamp zero") << "step.started"
                                        << "step" << true << qint64(0);
        QTest::addRow("before 1970") << "step.completed"
                                     << "old" << false << qint64(-1500);
        QTest::addRow("long summary")
            << "sandbox.output" << QString(400, QLatin1Char('x')) << true << qint64(42);
        QTest::addRow("non-ASCII summary")
            << "review.finding" << QStringLiteral("Größe prüfen — ✓") << false << qint64(7);
        QTest::addRow("empty summary") << "killswitch.changed"
                                       << "" << false << qint64(1);
    }

    void encodedEventsParseToTheListedOnes()
    {
        QFETCH(QString, type);
        QFETCH(QString, summary);
        QFETCH(bool, nested);
        QFETCH(qint64, atMillis);
        const auto payload = nested ? nestedPayload() : google::protobuf::Struct();
        const auto seq = append(type.toStdString(), summary.toStdString(), payload,
                                static_cast<std::int64_t>(atMillis));
        QCOMPARE(seq, std::uint64_t(1));

        auto listed = m_fixture->db->read([&](Connection& c) {
            return common::Result<std::vector<fv1::FeatureEvent>>(
                EventStore::list(c, m_execution, 0, 10));
        });
        auto encoded = m_fixture->db->read([&](Connection& c) {
            return common::Result<std::vector<EventStore::EncodedEvent>>(
                EventStore::listEncoded(c, m_execution, 0, 10));
        });
        QVERIFY(listed.ok() && encoded.ok());
        QCOMPARE(listed->size(), std::size_t(1));
        QCOMPARE(encoded->size(), std::size_t(1));

        const auto& want = listed->front();
        const auto& got = encoded->front();
        QCOMPARE(got.sequence, want.sequence_number());
        QCOMPARE(QString::fromStdString(got.type), type);
        fv1::FeatureEvent parsed;
        QVERIFY(parsed.ParseFromString(got.bytes));
        QVERIFY2(google::protobuf::util::MessageDifferencer::Equals(parsed, want),
                 (parsed.DebugString() + " != " + want.DebugString()).c_str());
        // The payload is present even when empty, as list() reports it.
        QVERIFY(parsed.has_payload());
        QVERIFY(parsed.has_timestamp());

        // encode() of the listed event is the same message again.
        fv1::FeatureEvent again;
        QVERIFY(again.ParseFromString(EventStore::encode(want).bytes));
        QVERIFY(google::protobuf::util::MessageDifferencer::Equals(again, want));
    }

    void encodedListHonoursAfterAndLimit()
    {
        for (int i = 1; i <= 10; ++i)
            QCOMPARE(append(i % 2 ? "odd" : "even", "n" + std::to_string(i), nestedPayload(), i),
                     std::uint64_t(i));
        auto encoded = m_fixture->db->read([&](Connection& c) {
            return common::Result<std::vector<EventStore::EncodedEvent>>(
                EventStore::listEncoded(c, m_execution, 3, 4));
        });
        QVERIFY(encoded.ok());
        QCOMPARE(encoded->size(), std::size_t(4));
        for (std::size_t i = 0; i < encoded->size(); ++i) {
            const auto& event = encoded->at(i);
            QCOMPARE(event.sequence, std::uint64_t(4 + i));
            fv1::FeatureEvent parsed;
            QVERIFY(parsed.ParseFromString(event.bytes));
            QCOMPARE(parsed.sequence_number(), event.sequence);
            QCOMPARE(parsed.type(), event.type);
            QCOMPARE(parsed.summary(), "n" + std::to_string(event.sequence));
        }
        auto none = m_fixture->db->read([&](Connection& c) {
            return common::Result<std::vector<EventStore::EncodedEvent>>(
                EventStore::listEncoded(c, m_execution, 10, 4));
        });
        QVERIFY(none.ok());
        QVERIFY(none->empty());
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "test_event_store.moc"
