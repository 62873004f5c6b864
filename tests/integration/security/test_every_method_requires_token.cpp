// Every RPC of every service in the wire contract refuses a call without a bearer
// token; the gRPC health service alone is open.
#include "GenericCall.h"
#include "feature/admin/v1/admin.pb.h"
#include "feature/analysis/v1/analysis.pb.h"
#include "feature/feature/v1/feature.pb.h"
#include "feature/repository/v1/repository.pb.h"
#include "feature/review/v1/review.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <google/protobuf/descriptor.h>

#include <QTest>

using builder::testing::BuilderdProcess;
using builder::testing::GenericCall;
using builder::testing::GrpcTestClient;

namespace {

const char* const kServices[] = {
    "feature.feature.v1.FeatureService",   "feature.repository.v1.RepositoryService",
    "feature.review.v1.ReviewService",     "feature.admin.v1.AdminService",
    "feature.analysis.v1.AnalysisService",
};

// Referencing one message of each file links its generated descriptor into the
// binary, which registers the file (and its service) in the generated pool.
void linkDescriptors()
{
    (void)feature::feature::v1::CreateRequest::descriptor();
    (void)feature::repository::v1::RegisterRequest::descriptor();
    (void)feature::review::v1::GetDiffRequest::descriptor();
    (void)feature::admin::v1::GetKillSwitchRequest::descriptor();
    (void)feature::analysis::v1::LocalizeRequest::descriptor();
}

QByteArray describe(const grpc::Status& status)
{
    return QByteArray::number(status.error_code()) + " \"" +
           QByteArray::fromStdString(status.error_message()) + "\"";
}

} // namespace

class EveryMethodRequiresTokenTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd;
    std::shared_ptr<grpc::Channel> m_channel;

private slots:
    void initTestCase()
    {
        linkDescriptors();
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_channel = GrpcTestClient::channel(m_builderd.grpcAddress());
    }

    void everyMethodRefusesACallWithoutToken_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("serverStreaming");
        const auto* pool = google::protobuf::DescriptorPool::generated_pool();
        for (const char* name : kServices) {
            const auto* service = pool->FindServiceByName(name);
            if (!service) {
                // An empty path makes the row fail with the service's name.
                QTest::newRow(name) << QString() << false;
                continue;
            }
            for (int i = 0; i < service->method_count(); ++i) {
                const auto* method = service->method(i);
                const std::string path = "/" + service->full_name() + "/" + method->name();
                QTest::newRow(path.c_str())
                    << QString::fromStdString(path) << method->server_streaming();
            }
        }
    }

    void everyMethodRefusesACallWithoutToken()
    {
        QFETCH(QString, path);
        QFETCH(bool, serverStreaming);
        QVERIFY2(!path.isEmpty(), "service descriptor missing from the generated pool");
        const auto outcome =
            serverStreaming ? GenericCall::serverStreaming(m_channel, path.toStdString(), {}, {})
                            : GenericCall::unary(m_channel, path.toStdString(), {}, {});
        QVERIFY2(outcome.status.error_code() == grpc::StatusCode::UNAUTHENTICATED,
                 describe(outcome.status).constData());
        QVERIFY(outcome.messages.empty());
        // The refusal tells the caller what to send, without echoing anything secret.
        QVERIFY2(QString::fromStdString(outcome.status.error_message())
                     .contains("bearer", Qt::CaseInsensitive),
                 outcome.status.error_message().c_str());
    }

    void walkCoversTheWholeContract()
    {
        const auto* pool = google::protobuf::DescriptorPool::generated_pool();
        int methods = 0;
        int streaming = 0;
        for (const char* name : kServices) {
            const auto* service = pool->FindServiceByName(name);
            QVERIFY2(service, name);
            methods += service->method_count();
            for (int i = 0; i < service->method_count(); ++i)
                streaming += service->method(i)->server_streaming() ? 1 : 0;
        }
        QVERIFY2(methods >= 29, qPrintable(QString("only %1 methods walked").arg(methods)));
        QVERIFY2(streaming >= 3, "Search, ListEvents and List are server-streaming");
    }

    void healthIsOpenWithoutToken()
    {
        const auto outcome = GenericCall::unary(m_channel, "/grpc.health.v1.Health/Check", {}, {});
        QVERIFY2(outcome.status.ok(), describe(outcome.status).constData());
        QCOMPARE(outcome.messages.size(), std::size_t(1));
        // HealthCheckResponse{status: SERVING (1)} is field 1, varint 1.
        QCOMPARE(QByteArray::fromStdString(outcome.messages.front()), QByteArray("\x08\x01", 2));
    }

    void unknownMethodWithoutTokenRevealsNothing()
    {
        const auto outcome = GenericCall::unary(
            m_channel, "/feature.feature.v1.FeatureService/NoSuchMethod", {}, {});
        QVERIFY2(outcome.status.error_code() == grpc::StatusCode::UNIMPLEMENTED ||
                     outcome.status.error_code() == grpc::StatusCode::UNAUTHENTICATED,
                 describe(outcome.status).constData());
    }

    // Server reflection is on, as the issue asks, and like health it answers
    // without a token (gRPC's reflection service cannot sit behind builderd's
    // CallGate). It reveals only the public contract of shared/proto: service
    // and message definitions, never data.
    void reflectionListsOnlyThePublicContract()
    {
        // ServerReflectionRequest{list_services: ""} = field 7, length-delimited, empty.
        const std::string listServices("\x3a\x00", 2);
        const auto outcome = GenericCall::serverStreaming(
            m_channel, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            listServices, {});
        QVERIFY2(outcome.status.ok(), describe(outcome.status).constData());
        std::string everything;
        for (const auto& message : outcome.messages)
            everything += message;
        for (const char* service :
             {"feature.feature.v1.FeatureService", "feature.repository.v1.RepositoryService",
              "feature.review.v1.ReviewService", "feature.admin.v1.AdminService",
              "feature.analysis.v1.AnalysisService"})
            QVERIFY2(everything.find(service) != std::string::npos, service);
    }

    void cleanupTestCase() { QCOMPARE(m_builderd.stop(), 0); }
};

QTEST_GUILESS_MAIN(EveryMethodRequiresTokenTest)
#include "test_every_method_requires_token.moc"
