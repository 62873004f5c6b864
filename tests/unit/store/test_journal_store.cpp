#include "StoreFixture.h"

#include "store/ArtifactStore.h"
#include "store/JournalStore.h"

#include <QTest>

using namespace builder;
using store::Connection;
using store::JournalStore;

class TestJournalStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::string m_execution;

    template <typename F> auto write(F&& f)
    {
        return m_fixture->db->write(
            [&](Connection& c) -> common::Result<decltype(f(c))> { return f(c); });
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<testing::StoreFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error().c_str());
        m_execution =
            m_fixture->addExecution(m_fixture->addRepository("r"), "Journal", "What was done");
        QVERIFY(!m_execution.empty());
    }

    void firstWriteWins()
    {
        QVERIFY(write([&](Connection& c) {
                    return JournalStore::put(c, m_execution, "llm/normalize_spec#0", "first", 1);
                }).value());
        QVERIFY(!write([&](Connection& c) {
                     return JournalStore::put(c, m_execution, "llm/normalize_spec#0", "second", 2);
                 }).value());
        auto value = write([&](Connection& c) {
            return JournalStore::get(c, m_execution, "llm/normalize_spec#0").value_or("");
        });
        QCOMPARE(QString::fromStdString(value.value()), QStringLiteral("first"));
    }

    void prefixListingIsOrderedAndBounded()
    {
        QVERIFY(write([&](Connection& c) {
                    for (const char* key : {"step/2/commit", "step/0/commit", "step/1/commit",
                                            "stage/plan", "stepper"})
                        JournalStore::put(c, m_execution, key, key, 1);
                    return 0;
                }).ok());
        auto keys = write([&](Connection& c) {
            std::vector<std::string> out;
            for (auto& [key, value] : JournalStore::listPrefix(c, m_execution, "step/"))
                out.push_back(key);
            return out;
        });
        QCOMPARE(static_cast<int>(keys->size()), 3);
        QCOMPARE(QString::fromStdString(keys->front()), QStringLiteral("step/0/commit"));
        QCOMPARE(QString::fromStdString(keys->back()), QStringLiteral("step/2/commit"));
    }

    void copyTakesOnlyTheGivenPrefixes()
    {
        const auto retry =
            m_fixture->addExecution(m_fixture->addRepository("r2"), "Retry", "Again");
        QVERIFY(write([&](Connection& c) {
                    JournalStore::put(c, m_execution, "stage/plan", "plan", 1);
                    JournalStore::put(c, m_execution, "llm/code/0#0", "code0", 1);
                    JournalStore::put(c, m_execution, "llm/code/1#0", "code1", 1);
                    JournalStore::put(c, m_execution, "git/commit/0", "sha", 1);
                    return 0;
                }).ok());
        auto copied = write([&](Connection& c) {
            return JournalStore::copy(c, m_execution, retry, {"stage/", "llm/code/0#"}, 2);
        });
        QCOMPARE(copied.value(), 2);
        auto present = write([&](Connection& c) {
            return std::vector<bool>{JournalStore::get(c, retry, "stage/plan").has_value(),
                                     JournalStore::get(c, retry, "llm/code/0#0").has_value(),
                                     JournalStore::get(c, retry, "llm/code/1#0").has_value(),
                                     JournalStore::get(c, retry, "git/commit/0").has_value()};
        });
        QCOMPARE(present.value(), (std::vector<bool>{true, true, false, false}));
    }

    void artifactsUpsertByName()
    {
        store::ArtifactRecord record;
        record.id = "a1";
        record.executionId = m_execution;
        record.name = "patches.mbox";
        record.type = 1;
        record.contentType = "application/mbox";
        record.path = m_execution + "/patches.mbox";
        record.size = 10;
        record.sha256 = "00";
        record.createdAtMillis = 5;
        QVERIFY(write([&](Connection& c) {
                    store::ArtifactStore::upsert(c, record);
                    record.id = "a2";
                    record.size = 20;
                    store::ArtifactStore::upsert(c, record);
                    return 0;
                }).ok());
        auto list = write(
            [&](Connection& c) { return store::ArtifactStore::listForExecution(c, m_execution); });
        QCOMPARE(static_cast<int>(list->size()), 1);
        QCOMPARE(list->front().size, std::int64_t(20));
        QCOMPARE(QString::fromStdString(list->front().id), QStringLiteral("a1"));
    }
};

QTEST_GUILESS_MAIN(TestJournalStore)
#include "test_journal_store.moc"
