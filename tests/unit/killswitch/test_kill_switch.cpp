#include "StoreFixture.h"
#include "core/AuditLog.h"
#include "core/EventBus.h"
#include "core/EventRecorder.h"
#include "core/KillSwitch.h"
#include "core/RunningExecutions.h"
#include "store/EventStore.h"

#include <QTest>

using namespace builder;
namespace av1 = feature::admin::v1;
using core::KillSwitch;

namespace {

security::Principal admin()
{
    return {"alice", security::Role::Admin, "token-1"};
}

av1::SetKillSwitchRequest request(const std::string& repositoryId, bool engaged,
                                  const std::string& reason)
{
    av1::SetKillSwitchRequest r;
    r.set_scope(repositoryId.empty() ? av1::KILL_SWITCH_SCOPE_GLOBAL
                                     : av1::KILL_SWITCH_SCOPE_REPOSITORY);
    r.set_repository_id(repositoryId);
    r.set_engaged(engaged);
    r.set_reason(reason);
    return r;
}

int auditCount(const core::AuditLog& audit)
{
    auto listed = audit.list({});
    return listed.ok() ? listed->pagination().total_count() : -1;
}

} // namespace

class TestKillSwitch : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<testing::StoreFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error().c_str());
        m_repoA = m_fixture->addRepository("alpha");
        m_repoB = m_fixture->addRepository("beta");
        m_execA = m_fixture->addExecution(m_repoA, "Add a thing", "A description long enough");
        m_execB = m_fixture->addExecution(m_repoB, "Add another", "A description long enough");
        m_recorder = std::make_unique<core::EventRecorder>(m_fixture->db, m_bus);
        m_audit = std::make_unique<core::AuditLog>(m_fixture->db);
        m_switch = std::make_unique<KillSwitch>(m_fixture->db, *m_recorder, *m_audit, &m_running);
        QVERIFY(m_switch->load().ok());
    }

    void cleanup()
    {
        m_switch.reset();
        m_audit.reset();
        m_recorder.reset();
        m_fixture.reset();
    }

    void repositoryScopeStopsOnlyThatRepository()
    {
        auto token = m_running.add(m_execA, m_repoA);
        auto other = m_running.add(m_execB, m_repoB);
        QVERIFY(m_switch->check(m_repoA).ok());
        auto set = m_switch->set(admin(), request(m_repoA, true, "bad pushes"));
        QVERIFY2(set.ok(), set.ok() ? "" : set.error().message().c_str());
        QVERIFY(set->state().engaged());
        QCOMPARE(set->state().scope(), av1::KILL_SWITCH_SCOPE_REPOSITORY);
        QCOMPARE(QString::fromStdString(set->state().changed_by()), QStringLiteral("alice"));

        const auto stop = m_switch->check(m_repoA);
        QVERIFY(!stop.ok());
        QVERIFY(core::KillSwitchCheck::isStop(stop.error()));
        QCOMPARE(
            QString::fromStdString(stop.error().message()),
            QString::fromStdString("kill switch on for repository " + m_repoA + ": bad pushes"));
        QVERIFY(m_switch->check(m_repoB).ok());
        // The running execution of that repository was stopped with the same reason.
        QVERIFY(token.cancelled());
        QVERIFY(core::KillSwitchCheck::isStop(*token.reason()));
        QVERIFY(!other.cancelled());

        const auto refused = m_switch->refusal(m_repoA);
        QVERIFY(refused);
        QCOMPARE(refused->code(), common::StatusCode::FailedPrecondition);
        for (const char* part : {"for repository", "by alice", "bad pushes"})
            QVERIFY2(refused->message().find(part) != std::string::npos,
                     refused->message().c_str());
        QVERIFY(!m_switch->refusal(m_repoB));

        // Its unfinished execution was told, the other repository's was not.
        auto events = m_fixture->db->read([&](store::Connection& c) {
            return common::Result<std::vector<feature::feature::v1::FeatureEvent>>(
                store::EventStore::list(c, m_execA, 0, 100));
        });
        QVERIFY(events.ok());
        QCOMPARE(events->size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(events->front().type()),
                 QStringLiteral("killswitch.changed"));
        QVERIFY(events->front().payload().fields().at("engaged").bool_value());
        auto otherEvents = m_fixture->db->read([&](store::Connection& c) {
            return common::Result<std::uint64_t>(store::EventStore::lastSequence(c, m_execB));
        });
        QCOMPARE(otherEvents.value(), std::uint64_t(0));
        QCOMPARE(auditCount(*m_audit), 1);
    }

    void globalScopeStopsEverything()
    {
        QVERIFY(m_switch->set(admin(), request("", true, "incident 42")).ok());
        for (const auto& repo : {m_repoA, m_repoB}) {
            const auto stop = m_switch->check(repo);
            QVERIFY(!stop.ok());
            QCOMPARE(QString::fromStdString(stop.error().message()),
                     QStringLiteral("kill switch on for global: incident 42"));
            const auto refused = m_switch->refusal(repo);
            QVERIFY(refused && refused->message().find("globally") != std::string::npos);
        }
        std::string metrics;
        m_switch->renderMetrics(metrics);
        QVERIFY2(metrics.find("builder_kill_switch_engaged{scope=\"global\"} 1") !=
                     std::string::npos,
                 metrics.c_str());
    }

    void settingTwiceRecordsOnceAndReleaseResumes()
    {
        QVERIFY(m_switch->set(admin(), request("", true, "incident")).ok());
        QVERIFY(m_switch->set(admin(), request("", true, "incident")).ok());
        QCOMPARE(auditCount(*m_audit), 1);
        // A new reason is a change.
        QVERIFY(m_switch->set(admin(), request("", true, "incident, still")).ok());
        QCOMPARE(auditCount(*m_audit), 2);
        auto released = m_switch->set(admin(), request("", false, "fixed"));
        QVERIFY(released.ok());
        QVERIFY(!released->state().engaged());
        QCOMPARE(QString::fromStdString(released->state().reason()), QStringLiteral("fixed"));
        QVERIFY(m_switch->check(m_repoA).ok());
        QVERIFY(m_switch->set(admin(), request("", false, "fixed again")).ok());
        QCOMPARE(auditCount(*m_audit), 3);
        auto listed = m_audit->list({});
        QVERIFY(listed.ok());
        QCOMPARE(QString::fromStdString(listed->entries(0).action()),
                 QStringLiteral("killswitch.release"));
        QVERIFY(listed->chain().intact());
    }

    void stateSurvivesANewInstance()
    {
        QVERIFY(m_switch->set(admin(), request(m_repoB, true, "keep it off")).ok());
        KillSwitch reloaded(m_fixture->db, *m_recorder, *m_audit);
        QVERIFY(reloaded.check(m_repoB).ok()); // not loaded yet
        QVERIFY(reloaded.load().ok());
        QVERIFY(!reloaded.check(m_repoB).ok());
        auto got = reloaded.get();
        QVERIFY(got.ok());
        QVERIFY(!got->global().engaged());
        QCOMPARE(got->repositories_size(), 1);
        QCOMPARE(QString::fromStdString(got->repositories(0).repository_id()),
                 QString::fromStdString(m_repoB));
        QCOMPARE(QString::fromStdString(got->repositories(0).reason()),
                 QStringLiteral("keep it off"));
    }

    void refreshPicksUpAnotherWritersChange()
    {
        KillSwitch other(m_fixture->db, *m_recorder, *m_audit);
        QVERIFY(other.load().ok());
        QVERIFY(m_switch->set(admin(), request("", true, "from elsewhere")).ok());
        QVERIFY(other.check(m_repoA).ok());
        other.refresh();
        QVERIFY(!other.check(m_repoA).ok());
    }

    void badRequestsNameTheField_data()
    {
        QTest::addColumn<int>("scope");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("code");
        const int invalid = int(common::StatusCode::InvalidArgument);
        QTest::newRow("no reason") << int(av1::KILL_SWITCH_SCOPE_GLOBAL) << ""
                                   << ""
                                   << "reason" << invalid;
        QTest::newRow("blank reason") << int(av1::KILL_SWITCH_SCOPE_GLOBAL) << ""
                                      << "   "
                                      << "reason" << invalid;
        QTest::newRow("no scope") << int(av1::KILL_SWITCH_SCOPE_UNSPECIFIED) << ""
                                  << "why"
                                  << "scope" << invalid;
        QTest::newRow("repository scope without id") << int(av1::KILL_SWITCH_SCOPE_REPOSITORY) << ""
                                                     << "why"
                                                     << "repository_id" << invalid;
        QTest::newRow("global scope with an id")
            << int(av1::KILL_SWITCH_SCOPE_GLOBAL) << "5f0c0c3e-1111-4222-8333-444455556666"
            << "why"
            << "repository_id" << invalid;
        QTest::newRow("unknown repository")
            << int(av1::KILL_SWITCH_SCOPE_REPOSITORY) << "5f0c0c3e-1111-4222-8333-444455556666"
            << "why"
            << "repository_id" << int(common::StatusCode::NotFound);
    }

    void badRequestsNameTheField()
    {
        QFETCH(int, scope);
        QFETCH(QString, repository);
        QFETCH(QString, reason);
        QFETCH(QString, field);
        QFETCH(int, code);
        av1::SetKillSwitchRequest r;
        r.set_scope(static_cast<av1::KillSwitchScope>(scope));
        r.set_repository_id(repository.toStdString());
        r.set_engaged(true);
        r.set_reason(reason.toStdString());
        auto result = m_switch->set(admin(), r);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code()), code);
        QVERIFY(!result.error().violations().empty());
        QCOMPARE(QString::fromStdString(result.error().violations().front().fieldPath), field);
        QCOMPARE(auditCount(*m_audit), 0);
    }

private:
    std::unique_ptr<testing::StoreFixture> m_fixture;
    core::EventBus m_bus;
    core::RunningExecutions m_running;
    std::unique_ptr<core::EventRecorder> m_recorder;
    std::unique_ptr<core::AuditLog> m_audit;
    std::unique_ptr<KillSwitch> m_switch;
    std::string m_repoA, m_repoB, m_execA, m_execB;
};

QTEST_GUILESS_MAIN(TestKillSwitch)
#include "test_kill_switch.moc"
