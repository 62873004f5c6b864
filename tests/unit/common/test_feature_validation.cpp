#include "ViolationTestSupport.h"

#include "common/FeatureValidation.h"
#include "common/Validation.h"

#include <QTest>

#include <type_traits>

using builder::common::FeatureValidation;
using builder::common::Validation;
namespace fv1 = feature::feature::v1;

namespace {

constexpr const char* kId = "550e8400-e29b-41d4-a716-446655440000";
const std::string kEAcute = "\xc3\xa9";         // 2 bytes, 1 code point
const std::string kKanji = "\xe6\x97\xa5";      // 3 bytes, 1 code point
const std::string kRocket = "\xf0\x9f\x9a\x80"; // 4 bytes, 1 code point

fv1::CreateRequest validCreate()
{
    fv1::CreateRequest r;
    auto* spec = r.mutable_spec();
    spec->set_title("Add user authentication");
    spec->set_description("Implement JWT-based login and logout endpoints.");
    spec->set_repository_id(kId);
    return r;
}

// Runs Validation::validate on a request built from `base` by `mutate`.
template <typename Request>
Scenario check(Request base, std::type_identity_t<std::function<void(Request&)>> mutate)
{
    return [base, mutate]() mutable {
        mutate(base);
        return Validation::validate(base);
    };
}

Scenario createWith(std::function<void(fv1::CreateRequest&)> mutate)
{
    return check(validCreate(), std::move(mutate));
}

Scenario spec(std::function<void(fv1::FeatureSpec&)> mutate)
{
    return createWith([mutate](fv1::CreateRequest& r) { mutate(*r.mutable_spec()); });
}

Scenario constraints(std::function<void(fv1::FeatureConstraints&)> mutate)
{
    return spec([mutate](fv1::FeatureSpec& s) { mutate(*s.mutable_constraints()); });
}

Scenario allowedPath(std::string path)
{
    return constraints([path](fv1::FeatureConstraints& c) { c.add_allowed_paths(path); });
}

fv1::SearchRequest search()
{
    return {};
}

google::protobuf::Timestamp at(std::int64_t seconds, std::int32_t nanos = 0)
{
    google::protobuf::Timestamp t;
    t.set_seconds(seconds);
    t.set_nanos(nanos);
    return t;
}

} // namespace

class TestFeatureValidation : public QObject
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
    void create_data()
    {
        addColumns();
        const auto none = QStringList{};
        const auto set = [](auto setter) { return spec(setter); };

        QTest::addRow("valid request") << createWith([](auto&) {}) << none;
        QTest::addRow("spec missing")
            << createWith([](auto& r) { r.clear_spec(); }) << QStringList{"spec|required"};

        // title: 1..255 code points, not blank
        QTest::addRow("title 0") << set([](auto& s) { s.set_title(""); })
                                 << QStringList{"spec.title|string.min_len"};
        QTest::addRow("title 1") << set([](auto& s) { s.set_title("x"); }) << none;
        QTest::addRow("title 255")
            << set([](auto& s) { s.set_title(std::string(255, 't')); }) << none;
        QTest::addRow("title 256") << set([](auto& s) { s.set_title(std::string(256, 't')); })
                                   << QStringList{"spec.title|string.max_len"};
        QTest::addRow("title 255 two-byte chars")
            << set([](auto& s) { s.set_title(repeat(kEAcute, 255)); }) << none;
        QTest::addRow("title 256 two-byte chars")
            << set([](auto& s) { s.set_title(repeat(kEAcute, 256)); })
            << QStringList{"spec.title|string.max_len"};
        QTest::addRow("title 255 four-byte chars")
            << set([](auto& s) { s.set_title(repeat(kRocket, 255)); }) << none;
        QTest::addRow("title only spaces") << set([](auto& s) { s.set_title("   "); })
                                           << QStringList{"spec.title|string.not_blank"};
        QTest::addRow("title only unicode spaces")
            << set([](auto& s) { s.set_title("\xc2\xa0\xe3\x80\x80"); })
            << QStringList{"spec.title|string.not_blank"};

        // description: 10..10000 code points
        QTest::addRow("description 9")
            << set([](auto& s) { s.set_description(std::string(9, 'd')); })
            << QStringList{"spec.description|string.min_len"};
        QTest::addRow("description 10")
            << set([](auto& s) { s.set_description(std::string(10, 'd')); }) << none;
        QTest::addRow("description 10000")
            << set([](auto& s) { s.set_description(std::string(10000, 'd')); }) << none;
        QTest::addRow("description 10001")
            << set([](auto& s) { s.set_description(std::string(10001, 'd')); })
            << QStringList{"spec.description|string.max_len"};
        QTest::addRow("description 9 three-byte chars (27 bytes)")
            << set([](auto& s) { s.set_description(repeat(kKanji, 9)); })
            << QStringList{"spec.description|string.min_len"};
        QTest::addRow("description 10 three-byte chars")
            << set([](auto& s) { s.set_description(repeat(kKanji, 10)); }) << none;
        QTest::addRow("description 10000 two-byte chars")
            << set([](auto& s) { s.set_description(repeat(kEAcute, 10000)); }) << none;
        QTest::addRow("description 10001 two-byte chars")
            << set([](auto& s) { s.set_description(repeat(kEAcute, 10001)); })
            << QStringList{"spec.description|string.max_len"};

        // repository_id: UUID
        QTest::addRow("repository_id empty") << set([](auto& s) { s.set_repository_id(""); })
                                             << QStringList{"spec.repository_id|string.uuid"};
        QTest::addRow("repository_id malformed")
            << set([](auto& s) { s.set_repository_id("550e8400-e29b-41d4-a716"); })
            << QStringList{"spec.repository_id|string.uuid"};
        QTest::addRow("repository_id upper-case")
            << set([](auto& s) { s.set_repository_id("550E8400-E29B-41D4-A716-446655440000"); })
            << none;

        // branches: optional, valid when set
        QTest::addRow("target_branch set")
            << set([](auto& s) { s.set_target_branch("main"); }) << none;
        QTest::addRow("target_branch invalid")
            << set([](auto& s) { s.set_target_branch("bad..name"); })
            << QStringList{"spec.target_branch|string.git_ref"};
        QTest::addRow("feature_branch set")
            << set([](auto& s) { s.set_feature_branch("feature/login"); }) << none;
        QTest::addRow("feature_branch invalid")
            << set([](auto& s) { s.set_feature_branch("-oops"); })
            << QStringList{"spec.feature_branch|string.git_ref"};

        // max_steps: 0 = server default, else 1..50
        const auto maxSteps = [](int v) {
            return constraints([v](fv1::FeatureConstraints& c) { c.set_max_steps(v); });
        };
        QTest::addRow("max_steps -1")
            << maxSteps(-1) << QStringList{"spec.constraints.max_steps|int32.gte"};
        QTest::addRow("max_steps 0 (default)") << maxSteps(0) << none;
        QTest::addRow("max_steps 1") << maxSteps(1) << none;
        QTest::addRow("max_steps 50") << maxSteps(50) << none;
        QTest::addRow("max_steps 51")
            << maxSteps(51) << QStringList{"spec.constraints.max_steps|int32.lte"};

        // timeout_minutes: 0 = server default, else 5..120
        const auto timeout = [](int v) {
            return constraints([v](fv1::FeatureConstraints& c) { c.set_timeout_minutes(v); });
        };
        QTest::addRow("timeout -1")
            << timeout(-1) << QStringList{"spec.constraints.timeout_minutes|int32.gte"};
        QTest::addRow("timeout 0 (default)") << timeout(0) << none;
        QTest::addRow("timeout 4")
            << timeout(4) << QStringList{"spec.constraints.timeout_minutes|int32.gte"};
        QTest::addRow("timeout 5") << timeout(5) << none;
        QTest::addRow("timeout 120") << timeout(120) << none;
        QTest::addRow("timeout 121")
            << timeout(121) << QStringList{"spec.constraints.timeout_minutes|int32.lte"};

        // allowed/forbidden path entries
        const QString p0 = "spec.constraints.allowed_paths[0]";
        QTest::addRow("path glob") << allowedPath("src/**/*.cpp") << none;
        QTest::addRow("path question mark") << allowedPath("src/?/x") << none;
        QTest::addRow("path dot-slash") << allowedPath("./docs") << none;
        QTest::addRow("path .gitignore is not .git") << allowedPath(".gitignore") << none;
        QTest::addRow("path .github") << allowedPath(".github/workflows/ci.yml") << none;
        QTest::addRow("path ..name is not ..") << allowedPath("..name/x") << none;
        QTest::addRow("path empty") << allowedPath("") << QStringList{p0 + "|string.min_len"};
        QTest::addRow("path 1024") << allowedPath(std::string(1024, 'p')) << none;
        QTest::addRow("path 1025")
            << allowedPath(std::string(1025, 'p')) << QStringList{p0 + "|string.max_len"};
        QTest::addRow("path absolute")
            << allowedPath("/etc/passwd") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path drive letter")
            << allowedPath("C:\\src") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path leading ..")
            << allowedPath("../outside") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path inner ..")
            << allowedPath("src/../../outside") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path backslash ..")
            << allowedPath("src\\..\\..\\x") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path .git dir")
            << allowedPath(".git/config") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path .git alone")
            << allowedPath(".git") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path nested .GIT")
            << allowedPath("sub/.GIT/hooks") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path control char")
            << allowedPath("src/\x01x") << QStringList{p0 + "|string.relative_path"};
        QTest::addRow("path absolute and ..")
            << allowedPath("/a/../b")
            << QStringList{p0 + "|string.relative_path", p0 + "|string.relative_path"};
        QTest::addRow("bad entry index reported") << constraints([](fv1::FeatureConstraints& c) {
            c.add_allowed_paths("src");
            c.add_allowed_paths("docs");
            c.add_allowed_paths("../x");
        }) << QStringList{"spec.constraints.allowed_paths[2]|string.relative_path"};
        QTest::addRow("100 allowed paths") << constraints([](fv1::FeatureConstraints& c) {
            for (int i = 0; i < 100; ++i)
                c.add_allowed_paths("src/" + std::to_string(i));
        }) << none;
        QTest::addRow("101 allowed paths") << constraints([](fv1::FeatureConstraints& c) {
            for (int i = 0; i < 101; ++i)
                c.add_allowed_paths("src/" + std::to_string(i));
        }) << QStringList{"spec.constraints.allowed_paths|repeated.max_items"};
        QTest::addRow("101 forbidden paths") << constraints([](fv1::FeatureConstraints& c) {
            for (int i = 0; i < 101; ++i)
                c.add_forbidden_paths("src/" + std::to_string(i));
        }) << QStringList{"spec.constraints.forbidden_paths|repeated.max_items"};
        QTest::addRow("forbidden path .git") << constraints([](fv1::FeatureConstraints& c) {
            c.add_forbidden_paths("vendor/**");
            c.add_forbidden_paths(".git/**");
        }) << QStringList{"spec.constraints.forbidden_paths[1]|string.relative_path"};

        // properties nest under spec
        QTest::addRow("spec property value too long") << set([](auto& s) {
            (*s.mutable_properties()->mutable_values())["ticket"] = std::string(4097, 'v');
        }) << QStringList{"spec.properties.values[\"ticket\"]|string.max_len"};

        // correlation_id and idempotency_key: at most 255
        QTest::addRow("correlation_id 255")
            << createWith([](auto& r) { r.set_correlation_id(std::string(255, 'c')); }) << none;
        QTest::addRow("correlation_id 256")
            << createWith([](auto& r) { r.set_correlation_id(std::string(256, 'c')); })
            << QStringList{"correlation_id|string.max_len"};
        QTest::addRow("idempotency_key 255")
            << createWith([](auto& r) { r.set_idempotency_key(std::string(255, 'k')); }) << none;
        QTest::addRow("idempotency_key 256")
            << createWith([](auto& r) { r.set_idempotency_key(std::string(256, 'k')); })
            << QStringList{"idempotency_key|string.max_len"};

        QTest::addRow("every violation reported together")
            << createWith([](fv1::CreateRequest& r) {
                   auto* s = r.mutable_spec();
                   s->set_title("");
                   s->set_description("short");
                   s->set_repository_id("nope");
                   s->set_target_branch("a b");
                   s->mutable_constraints()->set_max_steps(51);
                   s->mutable_constraints()->set_timeout_minutes(4);
                   s->mutable_constraints()->add_allowed_paths("ok/path");
                   s->mutable_constraints()->add_allowed_paths("/abs");
                   r.set_idempotency_key(std::string(256, 'k'));
               })
            << QStringList{"spec.title|string.min_len",
                           "spec.description|string.min_len",
                           "spec.repository_id|string.uuid",
                           "spec.target_branch|string.git_ref",
                           "spec.constraints.max_steps|int32.lte",
                           "spec.constraints.timeout_minutes|int32.gte",
                           "spec.constraints.allowed_paths[1]|string.relative_path",
                           "idempotency_key|string.max_len"};
        QTest::addRow("spec missing and bad keys") << createWith([](fv1::CreateRequest& r) {
            r.clear_spec();
            r.set_correlation_id(std::string(256, 'c'));
        }) << QStringList{"spec|required", "correlation_id|string.max_len"};
    }

    void create() { verify(); }

    void otherRequests_data()
    {
        addColumns();
        const auto none = QStringList{};
        using Get = fv1::GetRequest;
        using ByCorrelation = fv1::GetByCorrelationRequest;
        using Search = fv1::SearchRequest;
        using Cancel = fv1::CancelRequest;
        using Retry = fv1::RetryRequest;
        using Events = fv1::ListEventsRequest;
        using Artifacts = fv1::GetArtifactsRequest;

        QTest::addRow("get valid") << check<Get>({}, [](Get& r) { r.set_id(kId); }) << none;
        QTest::addRow("get empty id")
            << check<Get>({}, [](Get&) {}) << QStringList{"id|string.uuid"};
        QTest::addRow("get bad id")
            << check<Get>({}, [](Get& r) { r.set_id("123"); }) << QStringList{"id|string.uuid"};

        QTest::addRow("correlation 0") << check<ByCorrelation>({}, [](ByCorrelation&) {})
                                       << QStringList{"correlation_id|string.min_len"};
        QTest::addRow("correlation 1")
            << check<ByCorrelation>({}, [](ByCorrelation& r) { r.set_correlation_id("c"); })
            << none;
        QTest::addRow("correlation 255") << check<ByCorrelation>({}, [](ByCorrelation& r) {
            r.set_correlation_id(std::string(255, 'c'));
        }) << none;
        QTest::addRow("correlation 256") << check<ByCorrelation>({}, [](ByCorrelation& r) {
            r.set_correlation_id(std::string(256, 'c'));
        }) << QStringList{"correlation_id|string.max_len"};

        QTest::addRow("search empty") << check(search(), [](Search&) {}) << none;
        QTest::addRow("search repository_id")
            << check(search(), [](Search& r) { r.set_repository_id(kId); }) << none;
        QTest::addRow("search bad repository_id")
            << check(search(), [](Search& r) { r.set_repository_id("x"); })
            << QStringList{"repository_id|string.uuid"};
        QTest::addRow("search defined states") << check(search(), [](Search& r) {
            r.add_states(fv1::FEATURE_STATE_PENDING);
            r.add_states(fv1::FEATURE_STATE_AWAITING_REVIEW);
        }) << none;
        QTest::addRow("search unspecified and undefined states") << check(search(), [](Search& r) {
            r.add_states(fv1::FEATURE_STATE_COMPLETED);
            r.add_states(fv1::FEATURE_STATE_UNSPECIFIED);
            r.add_states(static_cast<fv1::FeatureState>(99));
        }) << QStringList{"states[1]|enum.not_in", "states[2]|enum.defined_only"};
        QTest::addRow("search after < before") << check(search(), [](Search& r) {
            *r.mutable_created_after() = at(100);
            *r.mutable_created_before() = at(200);
        }) << none;
        QTest::addRow("search after == before") << check(search(), [](Search& r) {
            *r.mutable_created_after() = at(100, 5);
            *r.mutable_created_before() = at(100, 5);
        }) << none;
        QTest::addRow("search after > before by nanos") << check(search(), [](Search& r) {
            *r.mutable_created_after() = at(100, 6);
            *r.mutable_created_before() = at(100, 5);
        }) << QStringList{"created_after|timestamp.range"};
        QTest::addRow("search only after")
            << check(search(), [](Search& r) { *r.mutable_created_after() = at(100); }) << none;
        QTest::addRow("search invalid timestamp")
            << check(search(), [](Search& r) { *r.mutable_created_before() = at(0, -1); })
            << QStringList{"created_before|timestamp.valid"};
        QTest::addRow("search query 500")
            << check(search(), [](Search& r) { r.set_query(std::string(500, 'q')); }) << none;
        QTest::addRow("search query 501")
            << check(search(), [](Search& r) { r.set_query(std::string(501, 'q')); })
            << QStringList{"query|string.max_len"};
        QTest::addRow("search page_size 101")
            << check(search(), [](Search& r) { r.mutable_pagination()->set_page_size(101); })
            << QStringList{"pagination.page_size|int32.lte"};
        QTest::addRow("search page_size -1")
            << check(search(), [](Search& r) { r.mutable_pagination()->set_page_size(-1); })
            << QStringList{"pagination.page_size|int32.gte"};
        QTest::addRow("search all at once")
            << check(search(),
                     [](Search& r) {
                         r.set_repository_id("x");
                         r.add_states(fv1::FEATURE_STATE_UNSPECIFIED);
                         *r.mutable_created_after() = at(300);
                         *r.mutable_created_before() = at(200);
                         r.set_query(std::string(501, 'q'));
                         r.mutable_pagination()->set_page_size(0);
                         r.mutable_pagination()->set_page_token(std::string(1025, 't'));
                     })
            << QStringList{"repository_id|string.uuid", "states[0]|enum.not_in",
                           "created_after|timestamp.range", "query|string.max_len",
                           "pagination.page_token|string.max_len"};

        QTest::addRow("cancel reason 2000") << check<Cancel>({}, [](Cancel& r) {
            r.set_id(kId);
            r.set_reason(std::string(2000, 'r'));
        }) << none;
        QTest::addRow("cancel reason 2001 and bad id")
            << check<Cancel>({}, [](Cancel& r) { r.set_reason(std::string(2001, 'r')); })
            << QStringList{"id|string.uuid", "reason|string.max_len"};

        QTest::addRow("retry from_step 0")
            << check<Retry>({}, [](Retry& r) { r.set_id(kId); }) << none;
        QTest::addRow("retry from_step 3") << check<Retry>({}, [](Retry& r) {
            r.set_id(kId);
            r.set_from_step(3);
        }) << none;
        QTest::addRow("retry from_step -1") << check<Retry>({}, [](Retry& r) {
            r.set_id(kId);
            r.set_from_step(-1);
        }) << QStringList{"from_step|int32.gte"};

        const auto events = [](int count, std::size_t length) {
            return check<Events>({}, [=](Events& r) {
                r.set_feature_execution_id(kId);
                for (int i = 0; i < count; ++i)
                    r.add_event_types(std::string(length, 'e'));
            });
        };
        QTest::addRow("events 50 types") << events(50, 10) << none;
        QTest::addRow("events 51 types")
            << events(51, 10) << QStringList{"event_types|repeated.max_items"};
        QTest::addRow("event type 0 chars")
            << events(1, 0) << QStringList{"event_types[0]|string.min_len"};
        QTest::addRow("event type 1 char") << events(1, 1) << none;
        QTest::addRow("event type 128 chars") << events(1, 128) << none;
        QTest::addRow("event type 129 chars")
            << events(1, 129) << QStringList{"event_types[0]|string.max_len"};
        QTest::addRow("events bad id")
            << check<Events>({}, [](Events&) {}) << QStringList{"feature_execution_id|string.uuid"};

        QTest::addRow("artifacts valid")
            << check<Artifacts>({}, [](Artifacts& r) { r.set_feature_execution_id(kId); }) << none;
        QTest::addRow("artifacts bad id") << check<Artifacts>({}, [](Artifacts&) {})
                                          << QStringList{"feature_execution_id|string.uuid"};
    }

    void otherRequests() { verify(); }

    void messages_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QString>("message");
        QTest::addRow("title too long") << spec([](auto& s) { s.set_title(std::string(256, 't')); })
                                        << "value length must be at most 255 characters";
        QTest::addRow("title empty") << spec([](auto& s) { s.set_title(""); })
                                     << "value length must be at least 1 character";
        QTest::addRow("title blank")
            << spec([](auto& s) { s.set_title("  "); }) << "value must not be only whitespace";
        QTest::addRow("description short") << spec([](auto& s) { s.set_description("short"); })
                                           << "value length must be at least 10 characters";
        QTest::addRow("uuid") << spec([](auto& s) { s.set_repository_id("x"); })
                              << "value must be a valid UUID";
        QTest::addRow("max_steps high")
            << constraints([](auto& c) { c.set_max_steps(51); })
            << "value must be less than or equal to 50 (or 0 for the server default)";
        QTest::addRow("timeout low")
            << constraints([](auto& c) { c.set_timeout_minutes(4); })
            << "value must be greater than or equal to 5 (or 0 for the server default)";
        QTest::addRow("branch") << spec([](auto& s) {
            s.set_target_branch("a..b");
        }) << "value must be a valid git branch name; it must not contain '..'";
        QTest::addRow("path parent")
            << allowedPath("a/../..") << "value must not contain a '..' component";
        QTest::addRow("path git dir")
            << allowedPath(".git/hooks") << "value must not point into the .git directory";
        QTest::addRow("spec required")
            << createWith([](auto& r) { r.clear_spec(); }) << "value is required";
    }

    void messages()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QString, message);
        const auto violations = scenario();
        QCOMPARE(violations.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(violations[0].message), message);
    }

    void fieldHelpersMatchRequestRules()
    {
        // The Studio validates one field at a time; it must agree with the request rule.
        QCOMPARE(describe(FeatureValidation::validateTitle(std::string(256, 't'))),
                 QStringList{"spec.title|string.max_len"});
        QCOMPARE(describe(FeatureValidation::validateTitle("Ok", "title")), QStringList{});
        QCOMPARE(describe(FeatureValidation::validateMaxSteps(51, "max_steps")),
                 QStringList{"max_steps|int32.lte"});
        QCOMPARE(describe(FeatureValidation::validateOptionalBranch("", "branch")), QStringList{});
        QCOMPARE(describe(FeatureValidation::validatePathPattern("../x", "path")),
                 QStringList{"path|string.relative_path"});

        fv1::FeatureSpec bare;
        bare.set_title("x");
        bare.set_description(std::string(10, 'd'));
        bare.set_repository_id("bad");
        QCOMPARE(describe(FeatureValidation::validateSpec(bare, "")),
                 QStringList{"repository_id|string.uuid"});
    }
};

QTEST_GUILESS_MAIN(TestFeatureValidation)
#include "test_feature_validation.moc"
