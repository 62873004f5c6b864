// builderd starts, serves health and a first authenticated call, and stops on SIGTERM.
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QFileInfo>
#include <QTest>

using builder::testing::BuilderdProcess;
using builder::testing::GrpcTestClient;
namespace rv1 = feature::repository::v1;

class BuilderdSmokeTest : public QObject
{
    Q_OBJECT

private slots:
    void startsListensAndStopsCleanly()
    {
        BuilderdProcess builderd;
        QVERIFY2(builderd.start(), qPrintable(builderd.errorString()));
        QVERIFY(builderd.grpcAddress().startsWith("127.0.0.1:"));
        QVERIFY(builderd.httpAddress().startsWith("127.0.0.1:"));

        const QFileInfo token(builderd.dataDir() + "/admin.token");
        QVERIFY(token.exists());
        QCOMPARE(token.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions{});

        auto stub =
            rv1::RepositoryService::NewStub(GrpcTestClient::channel(builderd.grpcAddress()));
        rv1::GetByNameRequest request;
        request.set_name("does-not-exist");
        rv1::GetByNameResponse response;
        auto ctx = GrpcTestClient::context(builderd.adminToken());
        const auto status = stub->GetByName(ctx.get(), request, &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);

        QCOMPARE(builderd.stop(), 0);
        QVERIFY(!QFileInfo::exists(builderd.dataDir() + "/endpoint.json"));
    }
};

QTEST_GUILESS_MAIN(BuilderdSmokeTest)
#include "test_builderd_smoke.moc"
