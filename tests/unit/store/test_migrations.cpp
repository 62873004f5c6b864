#include "StoreFixture.h"

#include "store/Connection.h"
#include "store/ExecutionStore.h"
#include "store/Migrations.h"

#include <QTest>

#include <sqlite3.h>

using namespace builder;
using store::Connection;

namespace {

std::int64_t pragma(store::Database& db, const std::string& name)
{
    auto value = db.read([&](Connection& c) -> common::Result<std::int64_t> {
        auto s = c.prepareOnce("PRAGMA " + name);
        return s.step() ? s.int64(0) : -1;
    });
    return value.ok() ? value.value() : -1;
}

bool tableExists(store::Database& db, const std::string& table)
{
    auto value = db.read([&](Connection& c) -> common::Result<bool> {
        auto s = c.prepareOnce("SELECT 1 FROM sqlite_master WHERE name = ?");
        s.bind(1, table);
        return s.step();
    });
    return value.ok() && value.value();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void freshDatabaseIsAtLatestVersion()
    {
        testing::StoreFixture fixture;
        QVERIFY2(fixture.ok(), fixture.error().c_str());
        QCOMPARE(pragma(*fixture.db, "user_version"), store::Migrations::latestVersion());
        QVERIFY(tableExists(*fixture.db, "journal"));
        QVERIFY(tableExists(*fixture.db, "dead_letters"));
        QVERIFY(tableExists(*fixture.db, "artifacts"));
        QVERIFY(tableExists(*fixture.db, "executions_fts"));
    }

    void walAndForeignKeysAreOn()
    {
        testing::StoreFixture fixture;
        QVERIFY2(fixture.ok(), fixture.error().c_str());
        QCOMPARE(pragma(*fixture.db, "foreign_keys"), 1);
        auto mode = fixture.db->read([](Connection& c) -> common::Result<std::string> {
            auto s = c.prepareOnce("PRAGMA journal_mode");
            return s.step() ? s.text(0) : std::string();
        });
        QVERIFY(mode.ok());
        QCOMPARE(QString::fromStdString(mode.value()), QStringLiteral("wal"));
        // An event for an execution that does not exist breaks the foreign key.
        auto written = fixture.db->write([](Connection& c) -> common::Status {
            auto s = c.prepare("INSERT INTO events (execution_id, seq, id, type, created_at, "
                               "summary, payload) VALUES ('missing', 1, 'e', 't', 0, '', x'')");
            s.run();
            return {};
        });
        QVERIFY(!written.ok());
    }

    void olderDatabaseIsUpgradedInPlaceKeepingItsRows()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath("builder.db").toStdString();
        std::string repositoryId, executionId;
        {
            store::Database::Options options;
            options.path = path;
            options.targetVersion = 1;
            auto db = store::Database::open(options);
            QVERIFY2(db.ok(), db.ok() ? "" : db.error().message().c_str());
            QCOMPARE(pragma(*db.value(), "user_version"), 1);
            QVERIFY(!tableExists(*db.value(), "journal"));
            QVERIFY(!tableExists(*db.value(), "executions_fts"));
            // Rows written by the version-1 schema, before the upgrade exists.
            store::RepositoryRecord repo;
            repo.repository.set_id("3b241101-e2bb-4255-8caf-4136c566a962");
            repo.repository.set_name("legacy");
            repo.repository.set_url("https://example.com/legacy.git");
            repo.repository.set_state(feature::common::v1::STATE_ACTIVE);
            repositoryId = repo.repository.id();
            auto execution = testing::StoreFixture::makeExecution(
                repositoryId, "Migrate the billing exporter",
                "Move the exporter to the new queue with retries", 1700000000000);
            executionId = execution.execution.id();
            auto written = db.value()->write([&](Connection& c) -> common::Status {
                store::RepositoryStore::insert(c, repo);
                store::ExecutionStore::insert(c, execution);
                return {};
            });
            QVERIFY(written.ok());
        }
        store::Database::Options options;
        options.path = path;
        auto db = store::Database::open(options);
        QVERIFY2(db.ok(), db.ok() ? "" : db.error().message().c_str());
        QCOMPARE(pragma(*db.value(), "user_version"), store::Migrations::latestVersion());
        QVERIFY(tableExists(*db.value(), "journal"));
        auto found = db.value()->read([&](Connection& c) -> common::Result<std::string> {
            auto record = store::ExecutionStore::findById(c, executionId);
            return record ? record->execution.spec().title() : std::string();
        });
        QCOMPARE(QString::fromStdString(found.value()),
                 QStringLiteral("Migrate the billing exporter"));
        // Migration 2 indexed the rows that were already there.
        auto hits = db.value()->read([&](Connection& c) {
            store::ExecutionQuery query;
            query.text = "billing export";
            return store::ExecutionStore::search(c, query);
        });
        QVERIFY(hits.ok());
        QCOMPARE(hits->totalCount, 1);
        QCOMPARE(QString::fromStdString(hits->items.front().execution.id()),
                 QString::fromStdString(executionId));
    }

    void newerDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath("builder.db").toStdString();
        {
            sqlite3* raw = nullptr;
            QCOMPARE(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
            const auto sql =
                "PRAGMA user_version = " + std::to_string(store::Migrations::latestVersion() + 5);
            QCOMPARE(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        }
        store::Database::Options options;
        options.path = path;
        auto db = store::Database::open(options);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message().find("newer than this builderd supports") !=
                     std::string::npos,
                 db.error().message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
