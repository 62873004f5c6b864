#include "StoreFixture.h"
#include "core/AuditChain.h"
#include "core/AuditLog.h"
#include "store/AuditStore.h"

#include <QTest>

#include <sqlite3.h>

using namespace builder;
using core::AuditActor;
using core::AuditChain;
using core::AuditLog;

namespace {

// Writes to the SQLite file directly, as someone with the file (not the API) would.
bool tamper(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        return false;
    const bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

store::AuditRecord row(std::int64_t seq, const std::string& previousHash)
{
    store::AuditRecord r;
    r.seq = seq;
    r.id = "id-" + std::to_string(seq);
    r.actor = "alice";
    r.role = "admin";
    r.action = "killswitch.set";
    r.targetType = "kill_switch";
    r.targetId = "global";
    r.reason = "maintenance " + std::to_string(seq);
    r.details = AuditChain::detailsJson({{"scope", "global"}});
    r.createdAtMillis = 1700000000000 + seq;
    r.previousHash = previousHash;
    r.hash = AuditChain::hashOf(previousHash, r);
    return r;
}

std::vector<store::AuditRecord> chain(int n)
{
    std::vector<store::AuditRecord> out;
    std::string previous = AuditChain::genesis();
    for (int i = 1; i <= n; ++i) {
        out.push_back(row(i, previous));
        previous = out.back().hash;
    }
    return out;
}

AuditChain::Status walk(const std::vector<store::AuditRecord>& rows,
                        std::optional<store::AuditHead> head)
{
    AuditChain::Walker walker;
    for (const auto& r : rows)
        if (!walker.add(r))
            break;
    return walker.finish(head);
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void canonicalFormIsUnambiguous()
    {
        // Moving a character from one field to the next changes the content.
        auto a = row(1, AuditChain::genesis());
        auto b = a;
        a.actor = "ab";
        a.role = "c";
        b.actor = "a";
        b.role = "bc";
        QVERIFY(AuditChain::canonical(a) != AuditChain::canonical(b));
        const std::string expected = "{\"a\":\"x\\\"y\\u000a\",\"b\":\"2\"}";
        QCOMPARE(AuditChain::detailsJson({{"b", "2"}, {"a", "x\"y\n"}}), expected);
    }

    void walkerFindsEveryKindOfTampering_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("intact");
        QTest::addColumn<qint64>("firstBroken");
        QTest::addColumn<QString>("problem");
        QTest::newRow("untouched") << "none" << true << qint64(0) << "";
        QTest::newRow("a reason edited") << "edit" << false << qint64(3) << "was modified";
        QTest::newRow("an entry removed") << "remove" << false << qint64(4) << "entry 4 is missing";
        QTest::newRow("two entries' contents swapped")
            << "swap" << false << qint64(3) << "does not link";
        QTest::newRow("an entry re-hashed alone")
            << "rehash" << false << qint64(4) << "does not link";
        QTest::newRow("the tail cut off") << "truncate" << false << qint64(5) << "were removed";
        QTest::newRow("the head anchor deleted")
            << "nohead" << false << qint64(5) << "anchor is missing";
    }

    void walkerFindsEveryKindOfTampering()
    {
        QFETCH(QString, change);
        QFETCH(bool, intact);
        QFETCH(qint64, firstBroken);
        QFETCH(QString, problem);
        auto rows = chain(5);
        std::optional<store::AuditHead> head = store::AuditHead{5, rows.back().hash};
        if (change == "edit")
            rows[2].reason = "nothing happened";
        else if (change == "remove")
            rows.erase(rows.begin() + 3);
        else if (change == "swap") {
            std::swap(rows[2], rows[3]);
            std::swap(rows[2].seq, rows[3].seq);
        } else if (change == "rehash") {
            rows[2].reason = "nothing happened";
            rows[2].hash = AuditChain::hashOf(rows[2].previousHash, rows[2]);
        } else if (change == "truncate")
            rows.pop_back();
        else if (change == "nohead")
            head.reset();
        const auto status = walk(rows, head);
        QCOMPARE(status.intact, intact);
        QCOMPARE(qint64(status.firstBrokenSeq), firstBroken);
        QVERIFY2(QString::fromStdString(status.problem).contains(problem), status.problem.c_str());
        if (intact)
            QCOMPARE(status.verifiedEntries, std::int64_t(5));
    }

    void editedDatabaseRowIsDetected()
    {
        testing::StoreFixture fixture;
        QVERIFY2(fixture.ok(), fixture.error().c_str());
        AuditLog audit(fixture.db);
        for (const char* action : {"token.create", "killswitch.set", "killswitch.release"}) {
            auto written = fixture.db->write([&](store::Connection& c) -> common::Result<bool> {
                audit.record(c, AuditActor("alice", "admin"), action, {"kill_switch", "global"},
                             {{"scope", "global"}}, "because");
                return true;
            });
            QVERIFY(written.ok());
        }
        auto status = audit.verify();
        QVERIFY(status.ok());
        QVERIFY(status->intact);
        QCOMPARE(status->verifiedEntries, std::int64_t(3));

        // The list shows the newest first with the verdict.
        feature::admin::v1::ListAuditRequest request;
        auto listed = audit.list(request);
        QVERIFY(listed.ok());
        QCOMPARE(listed->entries_size(), 3);
        QCOMPARE(QString::fromStdString(listed->entries(0).action()),
                 QString("killswitch.release"));
        QCOMPARE(listed->entries(0).sequence(), std::uint64_t(3));
        QCOMPARE(listed->entries(0).previous_hash(), listed->entries(1).hash());
        QVERIFY(listed->chain().intact());

        QVERIFY(tamper(fixture.path(), "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"));
        status = audit.verify();
        QVERIFY(status.ok());
        QVERIFY(!status->intact);
        QCOMPARE(status->firstBrokenSeq, std::int64_t(2));
        QCOMPARE(status->verifiedEntries, std::int64_t(1));
        listed = audit.list(request);
        QVERIFY(listed.ok());
        QVERIFY(!listed->chain().intact());
        QCOMPARE(listed->chain().first_broken_sequence(), std::uint64_t(2));
        QVERIFY(QString::fromStdString(listed->chain().problem()).contains("entry 2"));
    }

    void removedLastRowIsDetected()
    {
        testing::StoreFixture fixture;
        QVERIFY2(fixture.ok(), fixture.error().c_str());
        AuditLog audit(fixture.db);
        for (int i = 0; i < 2; ++i)
            QVERIFY(fixture.db
                        ->write([&](store::Connection& c) -> common::Result<bool> {
                            AuditLog::append(c, AuditActor::system(), "token.create",
                                             {"token", std::to_string(i)});
                            return true;
                        })
                        .ok());
        QVERIFY(tamper(fixture.path(), "DELETE FROM audit_log WHERE seq = 2"));
        auto status = audit.verify();
        QVERIFY(status.ok());
        QVERIFY(!status->intact);
        QVERIFY2(QString::fromStdString(status->problem).contains("were removed"),
                 status->problem.c_str());
    }

    void filtersAndPages()
    {
        testing::StoreFixture fixture;
        QVERIFY2(fixture.ok(), fixture.error().c_str());
        AuditLog audit(fixture.db);
        for (int i = 0; i < 5; ++i)
            QVERIFY(fixture.db
                        ->write([&](store::Connection& c) -> common::Result<bool> {
                            audit.record(c, AuditActor(i % 2 ? "bob" : "alice", "admin"),
                                         i % 2 ? "token.revoke" : "token.create",
                                         {"token", std::to_string(i)});
                            return true;
                        })
                        .ok());
        feature::admin::v1::ListAuditRequest request;
        request.set_actor("alice");
        request.mutable_pagination()->set_page_size(2);
        auto page = audit.list(request);
        QVERIFY(page.ok());
        QCOMPARE(page->entries_size(), 2);
        QCOMPARE(page->pagination().total_count(), 3);
        QVERIFY(!page->pagination().next_page_token().empty());
        request.mutable_pagination()->set_page_token(page->pagination().next_page_token());
        auto next = audit.list(request);
        QVERIFY(next.ok());
        QCOMPARE(next->entries_size(), 1);
        QCOMPARE(QString::fromStdString(next->entries(0).target_id()), QStringLiteral("0"));
        QVERIFY(next->pagination().next_page_token().empty());

        feature::admin::v1::ListAuditRequest byAction;
        byAction.set_action("token.revoke");
        auto revoked = audit.list(byAction);
        QVERIFY(revoked.ok());
        QCOMPARE(revoked->entries_size(), 2);

        feature::admin::v1::ListAuditRequest bad;
        bad.mutable_pagination()->set_page_token("garbage");
        auto refused = audit.list(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), common::StatusCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "test_audit_chain.moc"
