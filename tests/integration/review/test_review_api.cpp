// ReviewService on a real builderd (API only, no pipeline): ReviewPatch over gRPC
// and Connect JSON, validation errors naming their fields, roles, and the
// preconditions of a decision on an execution that is not awaiting review.
#include "HttpTestClient.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "feature/review/v1/review.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using builder::testing::BuilderdProcess;
using builder::testing::GrpcTestClient;
using builder::testing::HttpTestClient;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

namespace {

constexpr const char* kUnknownId = "550e8400-e29b-41d4-a716-446655440000";
const std::string kSha(40, 'a');

std::string addedFile(const std::string& path, const std::vector<std::string>& lines)
{
    std::string text = "diff --git a/" + path + " b/" + path +
                       "\nnew file mode 100644\n--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," +
                       std::to_string(lines.size()) + " @@\n";
    for (const auto& line : lines)
        text += "+" + line + "\n";
    return text;
}

// Three high security findings: over MAX_HIGH_ISSUES, fixable, so `iterate`.
std::string riskyPatch()
{
    return addedFile("app/x.py",
                     {"obj = pickle.loads(data)", "eval(code)", "requests.get(u, verify=False)"});
}

QStringList fieldsOf(const grpc::Status& status)
{
    QStringList out;
    for (const auto& v : GrpcTestClient::violations(status))
        out << QString::fromStdString(v.field_path() + "|" + v.constraint_id());
    return out;
}

QStringList fieldsOf(const QJsonObject& error)
{
    QStringList out;
    for (const auto& detail : error.value("details").toArray())
        for (const auto& v : detail.toObject().value("violations").toArray())
            out << v.toObject().value("field_path").toString() + "|" +
                       v.toObject().value("constraint_id").toString();
    return out;
}

} // namespace

class TestReviewApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<grpc::ClientContext> as(const QString& token) const
    {
        return GrpcTestClient::context(token, 10000);
    }

    BuilderdProcess m_builderd{BuilderdProcess::Options{{"--rate-limits", "off"}, {}, {}, 20000}};
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<rv1::ReviewService::Stub> m_reviews;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_admin, m_reviewer, m_engineer;
    std::string m_pendingId; // created by the admin; stays PENDING (no workers)

private slots:
    void initTestCase()
    {
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_channel = GrpcTestClient::channel(m_builderd.grpcAddress());
        m_reviews = rv1::ReviewService::NewStub(m_channel);
        m_http = std::make_unique<HttpTestClient>(m_builderd.httpAddress());
        m_admin = m_builderd.adminToken();
        m_reviewer = m_builderd.createToken("rita", "reviewer");
        m_engineer = m_builderd.createToken("erin", "engineer");
        QVERIFY(!m_admin.isEmpty() && !m_reviewer.isEmpty() && !m_engineer.isEmpty());

        auto repos = feature::repository::v1::RepositoryService::NewStub(m_channel);
        feature::repository::v1::RegisterRequest reg;
        reg.set_name("review-api");
        reg.set_url("https://git.example.com/team/review-api.git");
        reg.set_default_branch("main");
        feature::repository::v1::RegisterResponse registered;
        auto status = repos->Register(as(m_admin).get(), reg, &registered);
        QVERIFY2(status.ok(), status.error_message().c_str());
        auto features = fv1::FeatureService::NewStub(m_channel);
        fv1::CreateRequest create;
        create.mutable_spec()->set_title("Count characters");
        create.mutable_spec()->set_description("Add a character count next to words and lines.");
        create.mutable_spec()->set_repository_id(registered.repository().id());
        fv1::CreateResponse created;
        status = features->Create(as(m_admin).get(), create, &created);
        QVERIFY2(status.ok(), status.error_message().c_str());
        m_pendingId = created.execution().id();
    }

    void reviewPatchOverGrpc()
    {
        rv1::ReviewPatchRequest request;
        request.set_diff(riskyPatch());
        rv1::ReviewPatchResponse response;
        // Every role may run the automated review.
        auto status = m_reviews->ReviewPatch(as(m_engineer).get(), request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.decision(), rv1::REVIEW_DECISION_ITERATE);
        QCOMPARE(response.findings_size(), 3);
        QVERIFY(response.risk_score() > 0);
        QStringList rules;
        for (const auto& f : response.findings()) {
            QCOMPARE(f.file(), std::string("app/x.py"));
            QVERIFY(f.line() >= 1 && f.line() <= 3);
            QCOMPARE(f.source(), rv1::FINDING_SOURCE_SECURITY);
            QVERIFY(!f.id().empty() && !f.fix_hint().empty());
            rules << QString::fromStdString(f.rule_id());
        }
        QVERIFY2(rules.contains("py-pickle"), qPrintable(rules.join(',')));

        // The same diff, the same answer (deterministic, no model).
        rv1::ReviewPatchResponse again;
        QVERIFY(m_reviews->ReviewPatch(as(m_reviewer).get(), request, &again).ok());
        QCOMPARE(again.SerializeAsString(), response.SerializeAsString());

        request.set_diff(addedFile("src/greet.go", {"package src", "func Greet() {}"}));
        QVERIFY(m_reviews->ReviewPatch(as(m_reviewer).get(), request, &response).ok());
        QCOMPARE(response.decision(), rv1::REVIEW_DECISION_APPROVE);
        QCOMPARE(response.findings_size(), 0);
        QCOMPARE(response.risk_score(), 0);
    }

    void reviewPatchRefusesWhatIsNoDiff_data()
    {
        QTest::addColumn<QString>("diff");
        QTest::addColumn<QString>("constraint");
        QTest::addRow("empty") << QString() << "string.min_len";
        QTest::addRow("prose") << "Please review my change, thanks!"
                               << "diff.syntax";
        QTest::addRow("broken hunk") << "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n"
                                     << "diff.hunk_body";
    }
    void reviewPatchRefusesWhatIsNoDiff()
    {
        QFETCH(QString, diff);
        QFETCH(QString, constraint);
        rv1::ReviewPatchRequest request;
        request.set_diff(diff.toStdString());
        rv1::ReviewPatchResponse response;
        const auto status = m_reviews->ReviewPatch(as(m_engineer).get(), request, &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(fieldsOf(status), QStringList{"diff|" + constraint});
    }

    void reviewPatchOverConnectJson()
    {
        const QString path = "/feature.review.v1.ReviewService/ReviewPatch";
        const QJsonObject body{{"diff", QString::fromStdString(riskyPatch())}};
        const auto reply =
            m_http->post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), m_engineer);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const auto json = reply.json();
        QCOMPARE(json.value("decision").toString(), QString("REVIEW_DECISION_ITERATE"));
        QCOMPARE(json.value("findings").toArray().size(), 3);
        QVERIFY(json.value("risk_score").toInt() > 0);
        const auto first = json.value("findings").toArray().at(0).toObject();
        QCOMPARE(first.value("file").toString(), QString("app/x.py"));
        QVERIFY(!first.value("rule_id").toString().isEmpty());

        const auto bad = m_http->post(path, R"({"diff":"not a patch"})", m_engineer);
        QVERIFY2(bad.status == 400, bad.describe().constData());
        QCOMPARE(bad.json().value("code").toString(), QString("invalid_argument"));
        QCOMPARE(fieldsOf(bad.json()), QStringList{"diff|diff.syntax"});
        const auto anonymous = m_http->post(path, R"({"diff":"x"})");
        QCOMPARE(anonymous.status, 401);
    }

    void validationErrorsNameTheFields()
    {
        rv1::RequestChangesRequest changes;
        changes.set_feature_execution_id(m_pendingId);
        changes.set_commit_sha(kSha);
        rv1::RequestChangesResponse changed;
        auto status = m_reviews->RequestChanges(as(m_reviewer).get(), changes, &changed);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(fieldsOf(status), QStringList{"comments|repeated.min_items"});

        auto* comment = changes.add_comments();
        comment->set_file("src/a.c");
        comment->set_line(0);
        comment->set_body(std::string(10001, 'b'));
        changes.set_commit_sha("abc123");
        status = m_reviews->RequestChanges(as(m_reviewer).get(), changes, &changed);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(fieldsOf(status),
                 (QStringList{"commit_sha|string.commit_sha", "comments[0].line|int32.gte",
                              "comments[0].body|string.max_len"}));

        rv1::ApproveRequest approve;
        approve.set_feature_execution_id("not-a-uuid");
        rv1::ApproveResponse approved;
        status = m_reviews->Approve(as(m_reviewer).get(), approve, &approved);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(fieldsOf(status),
                 (QStringList{"feature_execution_id|string.uuid", "commit_sha|required"}));

        rv1::RejectRequest reject;
        reject.set_feature_execution_id(m_pendingId);
        rv1::RejectResponse rejected;
        status = m_reviews->Reject(as(m_reviewer).get(), reject, &rejected);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(fieldsOf(status), QStringList{"reason|string.min_len"});
        reject.set_reason(std::string(2001, 'r'));
        status = m_reviews->Reject(as(m_reviewer).get(), reject, &rejected);
        QCOMPARE(fieldsOf(status), QStringList{"reason|string.max_len"});

        rv1::GetDiffRequest diff;
        rv1::GetDiffResponse diffResponse;
        status = m_reviews->GetDiff(as(m_engineer).get(), diff, &diffResponse);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(fieldsOf(status), QStringList{"feature_execution_id|string.uuid"});
    }

    void rolesAndPreconditions()
    {
        rv1::ApproveRequest approve;
        approve.set_feature_execution_id(m_pendingId);
        approve.set_commit_sha(kSha);
        rv1::ApproveResponse approved;
        // Engineers never decide.
        auto status = m_reviews->Approve(as(m_engineer).get(), approve, &approved);
        QCOMPARE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        // The author never approves, even as an admin, whatever the state.
        status = m_reviews->Approve(as(m_admin).get(), approve, &approved);
        QCOMPARE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        QVERIFY2(status.error_message().find("author") != std::string::npos,
                 status.error_message().c_str());
        // A reviewer may, but a PENDING execution has nothing under review.
        status = m_reviews->Approve(as(m_reviewer).get(), approve, &approved);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QVERIFY2(status.error_message().find("FEATURE_STATE_PENDING, not awaiting review") !=
                     std::string::npos,
                 status.error_message().c_str());
        rv1::RejectRequest reject;
        reject.set_feature_execution_id(m_pendingId);
        reject.set_reason("Not now.");
        rv1::RejectResponse rejected;
        status = m_reviews->Reject(as(m_reviewer).get(), reject, &rejected);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QVERIFY(status.error_message().find("only an execution awaiting review") !=
                std::string::npos);

        rv1::GetDiffRequest diff;
        diff.set_feature_execution_id(m_pendingId);
        rv1::GetDiffResponse diffResponse;
        status = m_reviews->GetDiff(as(m_engineer).get(), diff, &diffResponse);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QVERIFY2(status.error_message().find("has no diff yet") != std::string::npos,
                 status.error_message().c_str());
        diff.set_feature_execution_id(kUnknownId);
        status = m_reviews->GetDiff(as(m_reviewer).get(), diff, &diffResponse);
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
        approve.set_feature_execution_id(kUnknownId);
        status = m_reviews->Approve(as(m_reviewer).get(), approve, &approved);
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
        status = m_reviews->GetDiff(as(QString()).get(), diff, &diffResponse);
        QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    }

    void cleanupTestCase() { m_builderd.stop(); }
};

QTEST_GUILESS_MAIN(TestReviewApi)
#include "test_review_api.moc"
