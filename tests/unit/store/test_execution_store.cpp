#include "StoreFixture.h"

#include "store/EventStore.h"
#include "store/ExecutionRuntimeStore.h"
#include "store/ExecutionStore.h"

#include <QTest>

using namespace builder;
using store::Connection;
namespace fv1 = feature::feature::v1;

class TestExecutionStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::string m_repo;

    common::Result<store::Page<store::ExecutionRecord>> search(const store::ExecutionQuery& query)
    {
        return m_fixture->db->read(
            [&](Connection& c) { return store::ExecutionStore::search(c, query); });
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<testing::StoreFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error().c_str());
        m_repo = m_fixture->addRepository("shop");
        QVERIFY(!m_repo.empty());
    }

    void fullTextSearchMatchesEveryWordAsAPrefix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("matches");
        QTest::addRow("one word") << "invoice" << 2;
        QTest::addRow("prefix") << "invo" << 2;
        QTest::addRow("two words, both needed") << "invoice pdf" << 1;
        QTest::addRow("word from the description") << "retries" << 1;
        QTest::addRow("no match") << "kubernetes" << 0;
        QTest::addRow("quotes and operators are plain text") << "\"invoice\" OR NOT" << 0;
    }
    void fullTextSearchMatchesEveryWordAsAPrefix()
    {
        QFETCH(QString, text);
        QFETCH(int, matches);
        m_fixture->addExecution(m_repo, "Export invoices as PDF", "Render invoices to PDF files");
        m_fixture->addExecution(m_repo, "Invoice numbering", "Sequential numbers with retries");
        m_fixture->addExecution(m_repo, "Dark mode", "Add a dark theme to the settings page");
        store::ExecutionQuery query;
        query.text = text.toStdString();
        auto page = search(query);
        QVERIFY2(page.ok(), page.ok() ? "" : page.error().message().c_str());
        QCOMPARE(page->totalCount, matches);
        QCOMPARE(static_cast<int>(page->items.size()), matches);
    }

    void pagesStayCorrectWhileRowsAreAdded()
    {
        std::vector<std::string> ids;
        for (int i = 0; i < 7; ++i)
            ids.push_back(m_fixture->addExecution(m_repo, "Feature " + std::to_string(i),
                                                  "Description number " + std::to_string(i),
                                                  1700000000000 + i * 1000));
        store::ExecutionQuery query;
        query.pageSize = 3;
        auto first = search(query);
        QVERIFY(first.ok());
        QCOMPARE(first->totalCount, 7);
        QCOMPARE(static_cast<int>(first->items.size()), 3);
        QCOMPARE(first->items.front().execution.id(), ids[6]); // newest first
        // A newer row arrives between pages: it must not shift the next page.
        m_fixture->addExecution(m_repo, "Late arrival", "Created while paging", 1800000000000);
        query.pageToken = first->nextPageToken;
        auto second = search(query);
        QVERIFY(second.ok());
        QCOMPARE(static_cast<int>(second->items.size()), 3);
        QCOMPARE(second->items.front().execution.id(), ids[3]);
        query.pageToken = second->nextPageToken;
        auto third = search(query);
        QVERIFY(third.ok());
        QCOMPARE(static_cast<int>(third->items.size()), 1);
        QCOMPARE(third->items.front().execution.id(), ids[0]);
        QVERIFY(third->nextPageToken.empty());
    }

    void foreignPageTokenIsRefusedNamingTheField()
    {
        store::ExecutionQuery query;
        query.pageToken = "not-a-token";
        auto page = search(query);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code(), common::StatusCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(page.error().violations().at(0).fieldPath),
                 QStringLiteral("pagination.page_token"));
    }

    void stateFilterAndTerminalStates()
    {
        const auto id = m_fixture->addExecution(m_repo, "Cache warmup", "Warm the cache at boot");
        m_fixture->addExecution(m_repo, "Other", "Still pending for a while");
        auto updated = m_fixture->db->write([&](Connection& c) -> common::Status {
            auto record = store::ExecutionStore::findById(c, id);
            record->execution.set_state(fv1::FEATURE_STATE_COMPLETED);
            store::ExecutionStore::update(c, record->execution);
            return {};
        });
        QVERIFY(updated.ok());
        store::ExecutionQuery query;
        query.states = {fv1::FEATURE_STATE_COMPLETED};
        auto page = search(query);
        QVERIFY(page.ok());
        QCOMPARE(page->totalCount, 1);
        QVERIFY(store::ExecutionStore::isTerminal(fv1::FEATURE_STATE_COMPLETED));
        QVERIFY(store::ExecutionStore::isTerminal(fv1::FEATURE_STATE_CANCELLED));
        QVERIFY(!store::ExecutionStore::isTerminal(fv1::FEATURE_STATE_AWAITING_REVIEW));
        auto unfinished = m_fixture->db->read([](Connection& c) -> common::Result<std::size_t> {
            return store::ExecutionRuntimeStore::unfinishedIds(c).size();
        });
        QCOMPARE(unfinished.value(), std::size_t(1));
    }

    void eventSequencesAreContiguousAndRollbackLeavesNoGap()
    {
        const auto id = m_fixture->addExecution(m_repo, "Events", "Sequence numbers matter");
        auto append = [&](const std::string& type) {
            return m_fixture->db->write([&](Connection& c) -> common::Result<std::uint64_t> {
                return store::EventStore::append(c, id, type, type, {}, 1).sequence_number();
            });
        };
        QCOMPARE(append("a").value(), std::uint64_t(1));
        QCOMPARE(append("b").value(), std::uint64_t(2));
        // A transaction that appends and then fails must not burn a number.
        auto failed = m_fixture->db->write([&](Connection& c) -> common::Status {
            store::EventStore::append(c, id, "lost", "lost", {}, 1);
            return common::Error::internal("stage failed after appending");
        });
        QVERIFY(!failed.ok());
        QCOMPARE(append("c").value(), std::uint64_t(3));
        auto events = m_fixture->db->read(
            [&](Connection& c) -> common::Result<std::vector<fv1::FeatureEvent>> {
                return store::EventStore::list(c, id, 1, 100);
            });
        QCOMPARE(static_cast<int>(events->size()), 2);
        QCOMPARE(QString::fromStdString(events->at(0).type()), QStringLiteral("b"));
        QCOMPARE(events->at(1).sequence_number(), std::uint64_t(3));
    }

    void usageAccumulatesAndStartIsSetOnce()
    {
        const auto id = m_fixture->addExecution(m_repo, "Usage", "Tokens and cost add up");
        auto result = m_fixture->db->write([&](Connection& c) -> common::Result<std::int64_t> {
            const auto first = store::ExecutionRuntimeStore::markStarted(c, id, 1000);
            const auto second = store::ExecutionRuntimeStore::markStarted(c, id, 5000);
            store::ExecutionRuntimeStore::addUsage(c, id, 100, 20, 1500);
            store::ExecutionRuntimeStore::addUsage(c, id, 50, 5, 500);
            return first == 1000 && second == 1000 ? first : -1;
        });
        QCOMPARE(result.value(), std::int64_t(1000));
        auto usage =
            m_fixture->db->read([&](Connection& c) -> common::Result<store::ExecutionUsage> {
                return store::ExecutionRuntimeStore::usage(c, id);
            });
        QCOMPARE(usage->tokensIn, std::int64_t(150));
        QCOMPARE(usage->tokensOut, std::int64_t(25));
        QCOMPARE(usage->costMicros, std::int64_t(2000));
        QCOMPARE(usage->llmCalls, 2);
    }
};

QTEST_GUILESS_MAIN(TestExecutionStore)
#include "test_execution_store.moc"
