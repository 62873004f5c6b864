#include "ApiFixture.h"

#include "feature/analysis/v1/analysis.grpc.pb.h"
#include "support/GitFixture.h"
#include "support/GrpcTestClient.h"

#include <QTest>

#include <set>

using namespace builder;
namespace av1 = feature::analysis::v1;
namespace rv1 = feature::repository::v1;

// The localization preview of a registered repository (AnalysisService.Localize).
class LocalizeRpcTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<itest::ApiFixture> m_api;
    std::unique_ptr<av1::AnalysisService::Stub> m_analysis;
    std::string m_repositoryId;

    grpc::Status localize(const av1::LocalizeRequest& request, av1::LocalizeResponse* response,
                          const QString& token = {})
    {
        auto context = testing::GrpcTestClient::context(token.isEmpty() ? m_api->token() : token);
        return m_analysis->Localize(context.get(), request, response);
    }

private slots:
    void initTestCase()
    {
        m_api = std::make_unique<itest::ApiFixture>();
        QVERIFY2(m_api->start(), qPrintable(m_api->errorString()));
        m_analysis = av1::AnalysisService::NewStub(m_api->channel());
        const auto remote = m_api->scratchDir() + "/textstats.git";
        QString error;
        QVERIFY2(testing::GitFixture::createBareFromDirectory(QStringLiteral(BUILDER_SOURCE_DIR) +
                                                                  "/resources/demo/sample-repo",
                                                              remote, "main", &error),
                 qPrintable(error));
        rv1::Repository repository;
        auto status = m_api->registerRemote("textstats", remote.toStdString(), &repository);
        QVERIFY2(status.ok(), status.error_message().c_str());
        m_repositoryId = repository.id();
    }

    void ranksTheFilesTheSpecTouches()
    {
        av1::LocalizeRequest request;
        request.set_repository_id(m_repositoryId);
        request.set_text("Count the lines of the input: fix count_lines for a last line without "
                         "a newline");
        request.set_top_k(3);
        av1::LocalizeResponse response;
        auto status = localize(request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(response.files_size() >= 1 && response.files_size() <= 3);
        // The declaration and the definition of count_lines lead.
        std::set<std::string> top;
        for (int i = 0; i < 2; ++i)
            top.insert(response.files(i).path());
        QCOMPARE(top, (std::set<std::string>{"src/textstats.c", "src/textstats.h"}));
        bool matched = false;
        for (const auto& s : response.files(0).matched_symbols())
            matched = matched || s.name() == "count_lines";
        QVERIFY(matched);
        QCOMPARE(response.total_files(), 7); // every tracked file of the sample
        QCOMPARE(static_cast<int>(response.commit_sha().size()), 40);
        QVERIFY(response.tokens_used() > 0 && response.tokens_used() <= response.token_budget());
        QVERIFY(response.excerpts_size() > 0);
    }

    void everyRoleMayPreview()
    {
        av1::LocalizeRequest request;
        request.set_repository_id(m_repositoryId);
        request.set_text("words");
        av1::LocalizeResponse response;
        const auto reviewer = m_api->builderd().createToken("rita", "reviewer");
        QVERIFY(localize(request, &response, reviewer).ok());
    }

    void badRequestsNameTheField_data()
    {
        QTest::addColumn<int>("topK");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QString>("field");
        QTest::addRow("top_k too large") << 500 << "words"
                                         << ""
                                         << "top_k";
        QTest::addRow("empty text") << 0 << ""
                                    << ""
                                    << "text";
        QTest::addRow("bad ref") << 0 << "words"
                                 << "a..b"
                                 << "ref";
    }
    void badRequestsNameTheField()
    {
        QFETCH(int, topK);
        QFETCH(QString, text);
        QFETCH(QString, ref);
        QFETCH(QString, field);
        av1::LocalizeRequest request;
        request.set_repository_id(m_repositoryId);
        request.set_text(text.toStdString());
        request.set_top_k(topK);
        request.set_ref(ref.toStdString());
        av1::LocalizeResponse response;
        auto status = localize(request, &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        const auto violations = testing::GrpcTestClient::violations(status);
        QVERIFY(!violations.empty());
        QCOMPARE(QString::fromStdString(violations.front().field_path()), field);
    }

    void unknownRepositoryAndBranch()
    {
        av1::LocalizeRequest request;
        request.set_repository_id("3b241101-e2bb-4255-8caf-4136c566a962");
        request.set_text("words");
        av1::LocalizeResponse response;
        QCOMPARE(localize(request, &response).error_code(), grpc::StatusCode::NOT_FOUND);
        request.set_repository_id(m_repositoryId);
        request.set_ref("no-such-branch");
        auto status = localize(request, &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
        QVERIFY(status.error_message().find("no-such-branch") != std::string::npos);
    }

    void cleanupTestCase()
    {
        m_analysis.reset();
        QCOMPARE(m_api->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(LocalizeRpcTest)
#include "test_localize_rpc.moc"
