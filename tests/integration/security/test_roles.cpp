// Each RPC names its roles: the role in the token decides, before validation.
#include "GenericCall.h"
#include "feature/admin/v1/admin.pb.h"
#include "feature/feature/v1/feature.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QTest>
#include <QUuid>

using builder::testing::BuilderdProcess;
using builder::testing::GenericCall;
using builder::testing::GrpcTestClient;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

QString randomUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::string validCreate(const std::string& repositoryId)
{
    fv1::CreateRequest request;
    auto* spec = request.mutable_spec();
    spec->set_title("Add a health endpoint");
    spec->set_description("Expose GET /health returning 200 and a JSON status body.");
    spec->set_repository_id(repositoryId);
    return request.SerializeAsString();
}

} // namespace

class RolesTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd;
    std::shared_ptr<grpc::Channel> m_channel;
    QHash<QString, QString> m_tokens;
    std::string m_repositoryId;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_channel = GrpcTestClient::channel(m_builderd.grpcAddress());
        for (const QString role : {"engineer", "reviewer", "admin"}) {
            m_tokens[role] = m_builderd.createToken(role + "-user", role);
            QVERIFY2(!m_tokens[role].isEmpty(), qPrintable("no token for " + role));
        }
        auto stub = rv1::RepositoryService::NewStub(m_channel);
        rv1::RegisterRequest request;
        request.set_name("roles-app");
        request.set_url("https://example.invalid/acme/roles-app.git");
        request.set_default_branch("main");
        rv1::RegisterResponse response;
        auto ctx = GrpcTestClient::context(m_tokens["engineer"]);
        const auto status = stub->Register(ctx.get(), request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        m_repositoryId = response.repository().id();
    }

    void roles_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("expected");

        const QByteArray empty;
        const auto create = QByteArray::fromStdString(validCreate(m_repositoryId));
        fv1::GetRequest get;
        get.set_id(randomUuid().toStdString());
        const auto getBytes = QByteArray::fromStdString(get.SerializeAsString());
        rv1::RegisterRequest reg;
        reg.set_name("reviewer-app");
        reg.set_url("https://example.invalid/acme/reviewer-app.git");
        reg.set_default_branch("main");
        const auto regBytes = QByteArray::fromStdString(reg.SerializeAsString());

        const QString feature = "/feature.feature.v1.FeatureService/";
        const QString admin = "/feature.admin.v1.AdminService/";
        const QString repository = "/feature.repository.v1.RepositoryService/";
        const QString review = "/feature.review.v1.ReviewService/";

        // Refused by role, even with a request that would be valid.
        QTest::newRow("reviewer Create")
            << "reviewer" << feature + "Create" << create << int(grpc::PERMISSION_DENIED);
        QTest::newRow("reviewer Create, empty request")
            << "reviewer" << feature + "Create" << empty << int(grpc::PERMISSION_DENIED);
        QTest::newRow("reviewer Cancel")
            << "reviewer" << feature + "Cancel" << getBytes << int(grpc::PERMISSION_DENIED);
        QTest::newRow("reviewer Register")
            << "reviewer" << repository + "Register" << regBytes << int(grpc::PERMISSION_DENIED);
        QTest::newRow("engineer GetKillSwitch")
            << "engineer" << admin + "GetKillSwitch" << empty << int(grpc::PERMISSION_DENIED);
        QTest::newRow("engineer SetKillSwitch")
            << "engineer" << admin + "SetKillSwitch" << empty << int(grpc::PERMISSION_DENIED);
        QTest::newRow("reviewer GetKillSwitch")
            << "reviewer" << admin + "GetKillSwitch" << empty << int(grpc::PERMISSION_DENIED);
        QTest::newRow("engineer CreateToken")
            << "engineer" << admin + "CreateToken" << empty << int(grpc::PERMISSION_DENIED);
        QTest::newRow("engineer Approve")
            << "engineer" << review + "Approve" << empty << int(grpc::PERMISSION_DENIED);

        // Allowed: the call gets past the gate to the handler.
        QTest::newRow("admin SetKillSwitch, empty request")
            << "admin" << admin + "SetKillSwitch" << empty << int(grpc::INVALID_ARGUMENT);
        QTest::newRow("reviewer Get")
            << "reviewer" << feature + "Get" << getBytes << int(grpc::NOT_FOUND);
        QTest::newRow("engineer Get")
            << "engineer" << feature + "Get" << getBytes << int(grpc::NOT_FOUND);
        QTest::newRow("engineer Create")
            << "engineer" << feature + "Create" << create << int(grpc::OK);
        QTest::newRow("admin Create") << "admin" << feature + "Create" << create << int(grpc::OK);
        QTest::newRow("engineer Create, empty request")
            << "engineer" << feature + "Create" << empty << int(grpc::INVALID_ARGUMENT);
    }

    void roles()
    {
        QFETCH(QString, role);
        QFETCH(QString, method);
        QFETCH(QByteArray, request);
        QFETCH(int, expected);
        const auto outcome = GenericCall::unary(m_channel, method.toStdString(),
                                                request.toStdString(), m_tokens.value(role));
        QVERIFY2(outcome.status.error_code() == expected,
                 qPrintable(QString("expected %1, got %2: %3")
                                .arg(expected)
                                .arg(outcome.status.error_code())
                                .arg(QString::fromStdString(outcome.status.error_message()))));
        if (expected == grpc::PERMISSION_DENIED) {
            // The refusal names the role, so the caller knows why.
            QVERIFY2(QString::fromStdString(outcome.status.error_message()).contains(role),
                     outcome.status.error_message().c_str());
        }
        if (expected == grpc::OK) {
            fv1::CreateResponse response;
            QVERIFY(response.ParseFromString(outcome.messages.at(0)));
            QCOMPARE(response.execution().state(), fv1::FEATURE_STATE_PENDING);
            QCOMPARE(response.execution().repository_id(), m_repositoryId);
        }
    }

    void reviewerMayReadWhatEngineerCreated()
    {
        const auto created =
            GenericCall::unary(m_channel, "/feature.feature.v1.FeatureService/Create",
                               validCreate(m_repositoryId), m_tokens["engineer"]);
        QVERIFY2(created.status.ok(), created.status.error_message().c_str());
        fv1::CreateResponse createResponse;
        QVERIFY(createResponse.ParseFromString(created.messages.at(0)));
        fv1::GetRequest get;
        get.set_id(createResponse.execution().id());
        const auto read = GenericCall::unary(m_channel, "/feature.feature.v1.FeatureService/Get",
                                             get.SerializeAsString(), m_tokens["reviewer"]);
        QVERIFY2(read.status.ok(), read.status.error_message().c_str());
        fv1::GetResponse getResponse;
        QVERIFY(getResponse.ParseFromString(read.messages.at(0)));
        QCOMPARE(getResponse.execution().id(), createResponse.execution().id());
    }

    void cleanupTestCase() { QCOMPARE(m_builderd.stop(), 0); }
};

QTEST_GUILESS_MAIN(RolesTest)
#include "test_roles.moc"
