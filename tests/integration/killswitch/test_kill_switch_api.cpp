#include "HttpTestClient.h"
#include "feature/admin/v1/admin.grpc.pb.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace builder;
using testing::BuilderdProcess;
using testing::GrpcTestClient;
namespace av1 = feature::admin::v1;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

// The kill switch and the audit log through the API of a real builderd (gateway
// role): who may use them, what they refuse, what survives a restart, and an
// audit record edited in the SQLite file being found.
class TestKillSwitchApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    std::unique_ptr<BuilderdProcess> m_builderd;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<av1::AdminService::Stub> m_admin;
    std::unique_ptr<fv1::FeatureService::Stub> m_features;
    QString m_adminToken;
    QString m_engineerToken;
    std::string m_repoA;
    std::string m_repoB;

    bool startBuilderd()
    {
        BuilderdProcess::Options options;
        options.dataDir = m_data.path();
        options.extraArgs = {"--rate-limits", "off"};
        m_builderd = std::make_unique<BuilderdProcess>(options);
        if (!m_builderd->start())
            return false;
        m_channel = GrpcTestClient::channel(m_builderd->grpcAddress());
        m_admin = av1::AdminService::NewStub(m_channel);
        m_features = fv1::FeatureService::NewStub(m_channel);
        m_adminToken = m_builderd->adminToken();
        return !m_adminToken.isEmpty();
    }

    void stopBuilderd()
    {
        m_admin.reset();
        m_features.reset();
        m_channel.reset();
        m_builderd->stop();
    }

    std::string registerRepository(const std::string& name)
    {
        auto stub = rv1::RepositoryService::NewStub(m_channel);
        rv1::RegisterRequest request;
        request.set_name(name);
        request.set_url("https://git.example.invalid/acme/" + name + ".git");
        request.set_default_branch("main");
        rv1::RegisterResponse response;
        auto status =
            stub->Register(GrpcTestClient::context(m_adminToken).get(), request, &response);
        return status.ok() ? response.repository().id() : std::string();
    }

    grpc::Status set(const std::string& repositoryId, bool engaged, const std::string& reason,
                     av1::KillSwitchState* out = nullptr, const QString& token = {})
    {
        av1::SetKillSwitchRequest request;
        request.set_scope(repositoryId.empty() ? av1::KILL_SWITCH_SCOPE_GLOBAL
                                               : av1::KILL_SWITCH_SCOPE_REPOSITORY);
        request.set_repository_id(repositoryId);
        request.set_engaged(engaged);
        request.set_reason(reason);
        av1::SetKillSwitchResponse response;
        auto status = m_admin->SetKillSwitch(
            GrpcTestClient::context(token.isEmpty() ? m_adminToken : token).get(), request,
            &response);
        if (out)
            *out = response.state();
        return status;
    }

    grpc::Status create(const std::string& repositoryId, fv1::FeatureExecution* out = nullptr)
    {
        fv1::CreateRequest request;
        request.mutable_spec()->set_repository_id(repositoryId);
        request.mutable_spec()->set_title("Count characters");
        request.mutable_spec()->set_description("Add a -c option printing the character count.");
        fv1::CreateResponse response;
        auto status =
            m_features->Create(GrpcTestClient::context(m_engineerToken).get(), request, &response);
        if (out)
            *out = response.execution();
        return status;
    }

    av1::ListAuditResponse audit(const std::string& action = {})
    {
        av1::ListAuditRequest request;
        request.set_action(action);
        request.mutable_pagination()->set_page_size(100);
        av1::ListAuditResponse response;
        auto status =
            m_admin->ListAudit(GrpcTestClient::context(m_adminToken).get(), request, &response);
        if (!status.ok())
            qWarning("ListAudit: %s", status.error_message().c_str());
        return response;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QVERIFY2(startBuilderd(), qPrintable(m_builderd->errorString()));
        m_engineerToken = m_builderd->createToken("erin", "engineer");
        QVERIFY(!m_engineerToken.isEmpty());
        m_repoA = registerRepository("alpha");
        m_repoB = registerRepository("beta");
        QVERIFY(!m_repoA.empty() && !m_repoB.empty());
    }

    void cleanupTestCase()
    {
        if (m_builderd)
            stopBuilderd();
    }

    void engineerCannotSetOrReadIt()
    {
        auto status = set("", true, "let me", nullptr, m_engineerToken);
        QCOMPARE(status.error_code(), grpc::PERMISSION_DENIED);
        av1::GetKillSwitchResponse got;
        status = m_admin->GetKillSwitch(GrpcTestClient::context(m_engineerToken).get(), {}, &got);
        QCOMPARE(status.error_code(), grpc::PERMISSION_DENIED);
        QCOMPARE(audit("killswitch.set").entries_size(), 0);
    }

    void reasonIsRequired()
    {
        auto status = set("", true, "");
        QCOMPARE(status.error_code(), grpc::INVALID_ARGUMENT);
        const auto violations = GrpcTestClient::violations(status);
        QCOMPARE(violations.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(violations[0].field_path()), QStringLiteral("reason"));
        status = set(m_repoA, false, "   ");
        QCOMPARE(status.error_code(), grpc::INVALID_ARGUMENT);
    }

    void globalSwitchRefusesCreateUntilReleased()
    {
        av1::KillSwitchState state;
        QVERIFY(set("", true, "incident 42: runaway pushes", &state).ok());
        QVERIFY(state.engaged());
        QCOMPARE(QString::fromStdString(state.changed_by()), QStringLiteral("local-admin"));
        QVERIFY(!state.automatic());

        auto refused = create(m_repoA);
        QCOMPARE(refused.error_code(), grpc::FAILED_PRECONDITION);
        const auto message = QString::fromStdString(refused.error_message());
        for (const char* part :
             {"kill switch is engaged globally", "local-admin", "incident 42: runaway pushes"})
            QVERIFY2(message.contains(part), qPrintable(message));

        // /metrics shows it.
        testing::HttpTestClient http(m_builderd->httpAddress());
        auto metrics = http.get("/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY2(metrics.body.contains("builder_kill_switch_engaged{scope=\"global\"} 1"),
                 metrics.body.constData());

        QVERIFY(set("", false, "incident 42 resolved", &state).ok());
        QVERIFY(!state.engaged());
        fv1::FeatureExecution created;
        auto accepted = create(m_repoA, &created);
        QVERIFY2(accepted.ok(), accepted.error_message().c_str());
        QCOMPARE(created.state(), fv1::FEATURE_STATE_PENDING);
    }

    void repositorySwitchRefusesOnlyThatRepository()
    {
        QVERIFY(set(m_repoB, true, "beta's remote is misbehaving").ok());
        auto refused = create(m_repoB);
        QCOMPARE(refused.error_code(), grpc::FAILED_PRECONDITION);
        QVERIFY2(QString::fromStdString(refused.error_message())
                     .contains(QString::fromStdString("for repository " + m_repoB)),
                 refused.error_message().c_str());
        QVERIFY(create(m_repoA).ok());

        av1::GetKillSwitchResponse got;
        QVERIFY(m_admin->GetKillSwitch(GrpcTestClient::context(m_adminToken).get(), {}, &got).ok());
        QVERIFY(!got.global().engaged());
        QCOMPARE(QString::fromStdString(got.global().reason()),
                 QStringLiteral("incident 42 resolved"));
        QCOMPARE(got.repositories_size(), 1);
        QCOMPARE(QString::fromStdString(got.repositories(0).repository_id()),
                 QString::fromStdString(m_repoB));
        QVERIFY(got.repositories(0).engaged());

        // Connect over HTTP speaks to the same switch.
        testing::HttpTestClient http(m_builderd->httpAddress());
        const auto body =
            QByteArray("{\"scope\":\"KILL_SWITCH_SCOPE_REPOSITORY\",\"repository_id\":\"") +
            QByteArray::fromStdString(m_repoB) +
            "\",\"engaged\":false,\"reason\":\"remote fixed\"}";
        auto reply = http.post("/feature.admin.v1.AdminService/SetKillSwitch", body, m_adminToken);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        // Proto3 JSON leaves out false: "engaged" is absent once released.
        const auto released = reply.json()["state"].toObject();
        QCOMPARE(released["reason"].toString(), QStringLiteral("remote fixed"));
        QVERIFY(!released.value("engaged").toBool(false));
        QVERIFY(create(m_repoB).ok());
    }

    void auditRecordsActionsInOrder()
    {
        const auto listed = audit();
        QVERIFY(listed.chain().intact());
        QCOMPARE(listed.chain().verified_entries(), std::uint64_t(listed.entries_size()));
        // Newest first, sequence numbers contiguous.
        std::vector<std::string> actions;
        for (int i = listed.entries_size() - 1; i >= 0; --i) {
            const auto& e = listed.entries(i);
            QCOMPARE(e.sequence(), std::uint64_t(listed.entries_size() - i));
            actions.push_back(e.action());
        }
        const std::vector<std::string> expected = {
            "token.create",   "token.create",       "repository.register", "repository.register",
            "killswitch.set", "killswitch.release", "killswitch.set",      "killswitch.release"};
        QCOMPARE(actions, expected);
        const auto& newest = listed.entries(0);
        QCOMPARE(QString::fromStdString(newest.actor()), QStringLiteral("local-admin"));
        QCOMPARE(newest.role(), av1::ROLE_ADMIN);
        QCOMPARE(QString::fromStdString(newest.target_id()), QString::fromStdString(m_repoB));
        QCOMPARE(QString::fromStdString(newest.reason()), QStringLiteral("remote fixed"));
        QCOMPARE(QString::fromStdString(newest.details().fields().at("scope").string_value()),
                 QStringLiteral("repository"));
        // The engineer's token was issued by `builderd token create`.
        QCOMPARE(QString::fromStdString(listed.entries(listed.entries_size() - 2).actor()),
                 QStringLiteral("builderd token create"));
    }

    void stateSurvivesARestart()
    {
        QVERIFY(set(m_repoA, true, "keep alpha stopped across restarts").ok());
        stopBuilderd();
        QVERIFY2(startBuilderd(), qPrintable(m_builderd->errorString()));
        av1::GetKillSwitchResponse got;
        QVERIFY(m_admin->GetKillSwitch(GrpcTestClient::context(m_adminToken).get(), {}, &got).ok());
        bool found = false;
        for (const auto& s : got.repositories())
            if (s.repository_id() == m_repoA) {
                found = true;
                QVERIFY(s.engaged());
                QCOMPARE(QString::fromStdString(s.reason()),
                         QStringLiteral("keep alpha stopped across restarts"));
            }
        QVERIFY(found);
        QCOMPARE(create(m_repoA).error_code(), grpc::FAILED_PRECONDITION);
    }

    void editedAuditRecordIsDetected()
    {
        stopBuilderd();
        QProcess verify;
        verify.start(BuilderdProcess::builderdPath(),
                     {"audit", "verify", "--data-dir", m_data.path()});
        QVERIFY(verify.waitForFinished(20000));
        QCOMPARE(verify.exitCode(), 0);
        QVERIFY(verify.readAllStandardOutput().startsWith("audit log intact: 9 entries"));

        // Someone with the file rewrites why the switch was engaged.
        sqlite3* db = nullptr;
        const auto path = (m_data.path() + "/builder.db").toStdString();
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE audit_log SET reason = 'routine' WHERE seq = 5", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);

        verify.start(BuilderdProcess::builderdPath(),
                     {"audit", "verify", "--data-dir", m_data.path()});
        QVERIFY(verify.waitForFinished(20000));
        QCOMPARE(verify.exitCode(), 1);
        const auto out = verify.readAllStandardOutput();
        QVERIFY2(out.contains("audit log BROKEN at entry 5") && out.contains("was modified"),
                 out.constData());

        QVERIFY2(startBuilderd(), qPrintable(m_builderd->errorString()));
        const auto listed = audit();
        QVERIFY(!listed.chain().intact());
        QCOMPARE(listed.chain().first_broken_sequence(), std::uint64_t(5));
        QCOMPARE(listed.chain().verified_entries(), std::uint64_t(4));
        QVERIFY(QString::fromStdString(listed.chain().problem()).contains("entry 5"));
        // The entries are still listed, so an admin can see what is there.
        QCOMPARE(listed.entries_size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestKillSwitchApi)
#include "test_kill_switch_api.moc"
