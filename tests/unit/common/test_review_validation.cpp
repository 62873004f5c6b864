// ReviewValidation: the rules of every ReviewService request, one row per rule
// edge, with the field path and constraint id each violation carries.
#include "ViolationTestSupport.h"

#include "common/ReviewValidation.h"

#include <QTest>

#include <type_traits>

using builder::common::ReviewValidation;
namespace rv1 = feature::review::v1;

namespace {

constexpr const char* kId = "550e8400-e29b-41d4-a716-446655440000";
const std::string kSha = "0123456789abcdef0123456789abcdef01234567";
const std::string kEAcute = "\xc3\xa9"; // 2 bytes, 1 code point

template <typename Request>
Scenario check(Request base, std::type_identity_t<std::function<void(Request&)>> mutate)
{
    return [base, mutate]() mutable {
        mutate(base);
        return ReviewValidation::validate(base);
    };
}

rv1::ApproveRequest validApprove()
{
    rv1::ApproveRequest r;
    r.set_feature_execution_id(kId);
    r.set_commit_sha(kSha);
    return r;
}

rv1::RequestChangesRequest validRequestChanges()
{
    rv1::RequestChangesRequest r;
    r.set_feature_execution_id(kId);
    r.set_commit_sha(kSha);
    auto* c = r.add_comments();
    c->set_file("src/main.c");
    c->set_line(3);
    c->set_side(rv1::COMMENT_SIDE_NEW);
    c->set_body("Check the return value here.");
    return r;
}

Scenario approveWith(std::function<void(rv1::ApproveRequest&)> mutate)
{
    return check(validApprove(), std::move(mutate));
}

Scenario changes(std::function<void(rv1::RequestChangesRequest&)> mutate)
{
    return check(validRequestChanges(), std::move(mutate));
}

Scenario comment(std::function<void(rv1::ReviewComment&)> mutate)
{
    return changes([mutate](rv1::RequestChangesRequest& r) { mutate(*r.mutable_comments(0)); });
}

Scenario rejectWith(std::string reason)
{
    rv1::RejectRequest r;
    r.set_feature_execution_id(kId);
    r.set_reason(std::move(reason));
    return check(r, [](rv1::RejectRequest&) {});
}

} // namespace

class TestReviewValidation : public QObject
{
    Q_OBJECT

private:
    static void addColumns()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QStringList>("expected");
    }

    static void verify()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(scenario()), expected);
    }

private slots:
    void approve_data()
    {
        addColumns();
        const QStringList none;
        QTest::addRow("valid") << approveWith([](auto&) {}) << none;
        QTest::addRow("upper-case sha") << approveWith([](auto& r) {
            r.set_commit_sha("0123456789ABCDEF0123456789ABCDEF01234567");
        }) << none;
        QTest::addRow("sha-256 id")
            << approveWith([](auto& r) { r.set_commit_sha(std::string(64, 'a')); }) << none;
        QTest::addRow("no id") << approveWith([](auto& r) { r.clear_feature_execution_id(); })
                               << QStringList{"feature_execution_id|string.uuid"};
        QTest::addRow("no sha") << approveWith([](auto& r) { r.clear_commit_sha(); })
                                << QStringList{"commit_sha|required"};
        QTest::addRow("abbreviated sha")
            << approveWith([](auto& r) { r.set_commit_sha("0123456789ab"); })
            << QStringList{"commit_sha|string.commit_sha"};
        QTest::addRow("not hex") << approveWith([](auto& r) {
            r.set_commit_sha(std::string(40, 'g'));
        }) << QStringList{"commit_sha|string.commit_sha"};
        QTest::addRow("comment 10000")
            << approveWith([](auto& r) { r.set_comment(std::string(10000, 'c')); }) << none;
        QTest::addRow("comment 10001")
            << approveWith([](auto& r) { r.set_comment(std::string(10001, 'c')); })
            << QStringList{"comment|string.max_len"};
    }
    void approve() { verify(); }

    void requestChanges_data()
    {
        addColumns();
        const QStringList none;
        QTest::addRow("valid") << changes([](auto&) {}) << none;
        QTest::addRow("summary only") << changes([](auto& r) {
            r.clear_comments();
            r.set_summary("Split the parser out.");
        }) << none;
        QTest::addRow("neither comments nor summary")
            << changes([](auto& r) { r.clear_comments(); })
            << QStringList{"comments|repeated.min_items"};
        QTest::addRow("blank summary, no comments") << changes([](auto& r) {
            r.clear_comments();
            r.set_summary("  ");
        }) << QStringList{"summary|string.not_blank"};
        QTest::addRow("summary 10001")
            << changes([](auto& r) { r.set_summary(std::string(10001, 's')); })
            << QStringList{"summary|string.max_len"};
        QTest::addRow("bad sha") << changes([](auto& r) { r.set_commit_sha("HEAD"); })
                                 << QStringList{"commit_sha|string.commit_sha"};
        QTest::addRow("1001 comments") << changes([](auto& r) {
            for (int i = 0; i < 1000; ++i)
                *r.add_comments() = r.comments(0);
        }) << QStringList{"comments|repeated.max_items"};

        QTest::addRow("file empty") << comment([](auto& c) { c.clear_file(); })
                                    << QStringList{"comments[0].file|string.min_len"};
        QTest::addRow("file blank") << comment([](auto& c) { c.set_file(" "); })
                                    << QStringList{"comments[0].file|string.not_blank"};
        QTest::addRow("line 0") << comment([](auto& c) { c.set_line(0); })
                                << QStringList{"comments[0].line|int32.gte"};
        QTest::addRow("line -4") << comment([](auto& c) { c.set_line(-4); })
                                 << QStringList{"comments[0].line|int32.gte"};
        QTest::addRow("line 1") << comment([](auto& c) { c.set_line(1); }) << none;
        QTest::addRow("side unspecified (new)")
            << comment([](auto& c) { c.set_side(rv1::COMMENT_SIDE_UNSPECIFIED); }) << none;
        QTest::addRow("side old") << comment([](auto& c) { c.set_side(rv1::COMMENT_SIDE_OLD); })
                                  << none;
        QTest::addRow("side undefined")
            << comment([](auto& c) { c.set_side(static_cast<rv1::CommentSide>(7)); })
            << QStringList{"comments[0].side|enum.defined_only"};
        QTest::addRow("body empty") << comment([](auto& c) { c.clear_body(); })
                                    << QStringList{"comments[0].body|string.min_len"};
        QTest::addRow("body 10000 two-byte chars")
            << comment([](auto& c) { c.set_body(repeat(kEAcute, 10000)); }) << none;
        QTest::addRow("body 10001") << comment([](auto& c) { c.set_body(std::string(10001, 'b')); })
                                    << QStringList{"comments[0].body|string.max_len"};
        QTest::addRow("second comment broken, every field")
            << changes([](auto& r) {
                   auto* c = r.add_comments();
                   c->set_line(0);
               })
            << QStringList{"comments[1].file|string.min_len", "comments[1].line|int32.gte",
                           "comments[1].body|string.min_len"};
    }
    void requestChanges() { verify(); }

    void reject_data()
    {
        addColumns();
        QTest::addRow("valid") << rejectWith("Wrong approach, see the issue.") << QStringList{};
        QTest::addRow("empty") << rejectWith("") << QStringList{"reason|string.min_len"};
        QTest::addRow("blank") << rejectWith("\t ") << QStringList{"reason|string.not_blank"};
        QTest::addRow("2000") << rejectWith(std::string(2000, 'r')) << QStringList{};
        QTest::addRow("2001") << rejectWith(std::string(2001, 'r'))
                              << QStringList{"reason|string.max_len"};
    }
    void reject() { verify(); }

    void otherRequests()
    {
        rv1::GetDiffRequest diff;
        QCOMPARE(describe(ReviewValidation::validate(diff)),
                 QStringList{"feature_execution_id|string.uuid"});
        diff.set_feature_execution_id(kId);
        QVERIFY(ReviewValidation::validate(diff).empty());

        rv1::ReviewPatchRequest patch;
        QCOMPARE(describe(ReviewValidation::validate(patch)), QStringList{"diff|string.min_len"});
        patch.set_diff("--- a/x\n+++ b/x\n");
        QVERIFY(ReviewValidation::validate(patch).empty());
    }

    void messagesSayWhatToDo()
    {
        const auto v = ReviewValidation::validateCommitSha("abc");
        QCOMPARE(v.size(), std::size_t(1));
        QVERIFY(v.front().message.find("full commit id") != std::string::npos);
        QCOMPARE(ReviewValidation::normalizedSha("ABCdef"), std::string("abcdef"));
    }
};

QTEST_GUILESS_MAIN(TestReviewValidation)
#include "test_review_validation.moc"
