// FeatureService over real gRPC against a real builderd: Create (defaults,
// idempotency, validation), reads, streaming Search with filters and page tokens,
// Cancel, Retry and GetArtifacts.
#include "ApiFixture.h"
#include "support/GrpcTestClient.h"

#include <google/protobuf/util/message_differencer.h>

#include <QDateTime>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <set>
#include <thread>

using builder::itest::ApiFixture;
using builder::testing::GrpcTestClient;
using google::protobuf::util::MessageDifferencer;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

QByteArray describe(const grpc::Status& status)
{
    QByteArray text = QByteArray::number(static_cast<int>(status.error_code())) + " " +
                      QByteArray::fromStdString(status.error_message());
    for (const auto& v : GrpcTestClient::violations(status))
        text += " [" + QByteArray::fromStdString(v.field_path()) + " " +
                QByteArray::fromStdString(v.constraint_id()) + "]";
    return text;
}

std::string randomUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

std::int64_t millis(const google::protobuf::Timestamp& t)
{
    return t.seconds() * 1000 + t.nanos() / 1000000;
}

void setMillis(google::protobuf::Timestamp* t, std::int64_t ms)
{
    t->set_seconds(ms / 1000);
    t->set_nanos(static_cast<std::int32_t>((ms % 1000) * 1000000));
}

// What a Search row filters on; every field optional.
struct SearchFilter
{
    QString query;
    QList<int> states;
    QString repository;   // "", "A" or "B"
    int afterBatch = -1;  // created after the end of batch n
    int beforeBatch = -1; // created before the start of batch n
};

} // namespace

Q_DECLARE_METATYPE(SearchFilter)

class FeatureApiTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiFixture> m_api;
    rv1::Repository m_repo; // a local bare repository whose HEAD is "trunk"

    grpc::Status get(const std::string& id, fv1::FeatureExecution* out)
    {
        fv1::GetRequest request;
        request.set_id(id);
        fv1::GetResponse response;
        auto ctx = m_api->ctx();
        auto status = m_api->features().Get(ctx.get(), request, &response);
        if (out)
            *out = response.execution();
        return status;
    }

    grpc::Status retry(const std::string& id, fv1::FeatureExecution* out)
    {
        fv1::RetryRequest request;
        request.set_id(id);
        fv1::RetryResponse response;
        auto ctx = m_api->ctx();
        auto status = m_api->features().Retry(ctx.get(), request, &response);
        if (out)
            *out = response.execution();
        return status;
    }

    // One Search page: items, and the trailers.
    grpc::Status searchPage(const fv1::SearchRequest& request,
                            std::vector<fv1::FeatureExecution>& out, std::string* nextToken,
                            std::string* total)
    {
        auto ctx = m_api->ctx();
        auto reader = m_api->features().Search(ctx.get(), request);
        std::vector<fv1::SearchResponse> messages;
        auto status = ApiFixture::readAll(*reader, messages);
        for (auto& m : messages)
            out.push_back(m.execution());
        if (nextToken)
            *nextToken = ApiFixture::trailer(*ctx, "x-next-page-token");
        if (total)
            *total = ApiFixture::trailer(*ctx, "x-total-count");
        return status;
    }

private slots:
    void init()
    {
        m_api = std::make_unique<ApiFixture>();
        QVERIFY2(m_api->start(), qPrintable(m_api->errorString()));
        const QString path = m_api->makeBareRepo("project", "trunk");
        QVERIFY2(!path.isEmpty(), qPrintable(m_api->errorString()));
        rv1::RegisterRequest request;
        request.set_name("project");
        request.set_url(path.toStdString());
        const auto status = m_api->registerRepo(request, &m_repo);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(m_repo.default_branch(), "trunk");
    }

    void cleanup()
    {
        const int exitCode = m_api->stop();
        m_api.reset();
        QCOMPARE(exitCode, 0);
    }

    void createAppliesDefaults()
    {
        auto request = ApiFixture::featureRequest(
            m_repo.id(), "Add user authentication",
            "Implement JWT-based user authentication with login and logout endpoints.");
        request.set_correlation_id("client-request-12345");
        fv1::FeatureExecution e;
        const auto status = m_api->createFeature(request, &e);
        QVERIFY2(status.ok(), describe(status));

        QCOMPARE(e.state(), fv1::FEATURE_STATE_PENDING);
        QVERIFY2(ApiFixture::isUuid(e.id()), e.id().c_str());
        QCOMPARE(e.repository_id(), m_repo.id());
        QCOMPARE(e.correlation_id(), "client-request-12345");
        QCOMPARE(e.spec().title(), "Add user authentication");
        QCOMPARE(e.spec().description(), request.spec().description());
        QCOMPARE(e.spec().repository_id(), m_repo.id());
        QCOMPARE(e.spec().target_branch(), "trunk");
        QCOMPARE(e.spec().feature_branch(),
                 "feature/" + e.id().substr(0, 8) + "-add-user-authentication");
        QCOMPARE(e.spec().constraints().max_steps(), 20);
        QCOMPARE(e.spec().constraints().timeout_minutes(), 60);
        QVERIFY(e.has_created_at());
        QVERIFY(e.has_updated_at());
        QVERIFY(!e.has_completed_at());
        QVERIFY(!e.has_error());
        QVERIFY(!e.has_result());

        // Stored as returned.
        fv1::FeatureExecution stored;
        QVERIFY(get(e.id(), &stored).ok());
        QVERIFY2(MessageDifferencer::Equals(stored, e), stored.DebugString().c_str());
    }

    void createKeepsExplicitValues()
    {
        auto request = ApiFixture::featureRequest(m_repo.id(), "Explicit everything");
        auto* spec = request.mutable_spec();
        spec->set_target_branch("release/1.0");
        spec->set_feature_branch("feature/hand-picked");
        spec->mutable_constraints()->set_max_steps(7);
        spec->mutable_constraints()->set_timeout_minutes(30);
        spec->mutable_constraints()->set_require_tests(true);
        spec->mutable_constraints()->add_allowed_paths("src/");
        (*spec->mutable_properties()->mutable_values())["ticket"] = "ABC-1";
        fv1::FeatureExecution e;
        const auto status = m_api->createFeature(request, &e);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(e.spec().target_branch(), "release/1.0");
        QCOMPARE(e.spec().feature_branch(), "feature/hand-picked");
        QCOMPARE(e.spec().constraints().max_steps(), 7);
        QCOMPARE(e.spec().constraints().timeout_minutes(), 30);
        QVERIFY(e.spec().constraints().require_tests());
        QCOMPARE(e.spec().constraints().allowed_paths_size(), 1);
        QCOMPARE(e.spec().properties().values().at("ticket"), "ABC-1");
    }

    void idempotencyKey()
    {
        auto request = ApiFixture::featureRequest(m_repo.id(), "Idempotent submission");
        request.set_idempotency_key("submit-42");
        fv1::FeatureExecution first, second;
        auto status = m_api->createFeature(request, &first);
        QVERIFY2(status.ok(), describe(status));
        status = m_api->createFeature(request, &second);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(second.id(), first.id());

        // Exactly one execution exists.
        std::vector<fv1::FeatureExecution> all;
        std::string total;
        QVERIFY(searchPage({}, all, nullptr, &total).ok());
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(total, "1");

        auto different = request;
        different.mutable_spec()->set_title("Something else entirely");
        status = m_api->createFeature(different, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
    }

    void idempotencyKeyWithDifferentRequest_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addRow("title") << "title";
        QTest::addRow("description") << "description";
        QTest::addRow("correlation_id") << "correlation_id";
        QTest::addRow("repository_id") << "repository_id";
        QTest::addRow("target_branch") << "target_branch";
        QTest::addRow("feature_branch") << "feature_branch";
        QTest::addRow("max_steps") << "max_steps";
        QTest::addRow("timeout_minutes") << "timeout_minutes";
        QTest::addRow("forbidden_paths") << "forbidden_paths";
    }

    // A key names one request: reusing it for a different one is refused, whatever
    // part of the request differs, rather than answered with an execution that
    // does something other than what this request asked for.
    void idempotencyKeyWithDifferentRequest()
    {
        QFETCH(QString, change);
        rv1::Repository other;
        QVERIFY(m_api->registerRemote("other", "https://github.com/acme/other.git", &other).ok());

        auto request = ApiFixture::featureRequest(m_repo.id(), "Keyed submission");
        request.set_idempotency_key("key-1");
        request.set_correlation_id("corr-1");
        request.mutable_spec()->set_target_branch("trunk");
        request.mutable_spec()->set_feature_branch("feature/keyed");
        request.mutable_spec()->mutable_constraints()->set_max_steps(10);
        request.mutable_spec()->mutable_constraints()->set_timeout_minutes(30);
        fv1::FeatureExecution original;
        auto status = m_api->createFeature(request, &original);
        QVERIFY2(status.ok(), describe(status));

        auto changed = request;
        auto* spec = changed.mutable_spec();
        if (change == "title")
            spec->set_title("Another title");
        else if (change == "description")
            spec->set_description("A different description of the work.");
        else if (change == "correlation_id")
            changed.set_correlation_id("corr-2");
        else if (change == "repository_id")
            spec->set_repository_id(other.id());
        else if (change == "target_branch")
            spec->set_target_branch("release/2.0");
        else if (change == "feature_branch")
            spec->set_feature_branch("feature/other");
        else if (change == "max_steps")
            spec->mutable_constraints()->set_max_steps(40);
        else if (change == "timeout_minutes")
            spec->mutable_constraints()->set_timeout_minutes(90);
        else if (change == "forbidden_paths")
            spec->mutable_constraints()->add_forbidden_paths("secrets/");
        else
            QFAIL("unknown change in test data");

        fv1::FeatureExecution answered;
        status = m_api->createFeature(changed, &answered);
        QVERIFY2(status.error_code() == grpc::StatusCode::ALREADY_EXISTS,
                 status.ok() ? QByteArray("OK: returned execution " +
                                          QByteArray::fromStdString(answered.id()) +
                                          " whose spec differs from the request")
                             : describe(status));

        // The original request itself is still answered idempotently.
        fv1::FeatureExecution repeat;
        QVERIFY(m_api->createFeature(request, &repeat).ok());
        QCOMPARE(repeat.id(), original.id());
    }

    void concurrentCreatesWithOneKeyMakeOneExecution()
    {
        constexpr int kClients = 8;
        auto request = ApiFixture::featureRequest(m_repo.id(), "Raced submission");
        request.set_idempotency_key("raced-key");
        std::vector<std::thread> threads;
        std::vector<grpc::Status> statuses(kClients);
        std::vector<std::string> ids(kClients);
        for (int i = 0; i < kClients; ++i) {
            threads.emplace_back([&, i] {
                fv1::CreateResponse response;
                auto ctx = m_api->ctx();
                statuses[i] = m_api->features().Create(ctx.get(), request, &response);
                ids[i] = response.execution().id();
            });
        }
        for (auto& t : threads)
            t.join();
        for (int i = 0; i < kClients; ++i) {
            QVERIFY2(statuses[i].ok(), describe(statuses[i]));
            QCOMPARE(ids[i], ids[0]);
        }
        std::vector<fv1::FeatureExecution> all;
        std::string total;
        QVERIFY(searchPage({}, all, nullptr, &total).ok());
        QCOMPARE(total, "1");
    }

    void createRejectsInvalidSpec_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("fieldPath");
        QTest::addColumn<QString>("constraintId");
        QTest::addRow("title empty") << "title"
                                     << "" << 0 << "spec.title"
                                     << "string.min_len";
        QTest::addRow("title 256 chars") << "title" << QString(256, 'a') << 0 << "spec.title"
                                         << "string.max_len";
        QTest::addRow("description 9 chars") << "description"
                                             << "123456789" << 0 << "spec.description"
                                             << "string.min_len";
        QTest::addRow("max_steps 51") << "max_steps"
                                      << "" << 51 << "spec.constraints.max_steps"
                                      << "int32.lte";
        QTest::addRow("max_steps -1") << "max_steps"
                                      << "" << -1 << "spec.constraints.max_steps"
                                      << "int32.gte";
        QTest::addRow("timeout 4") << "timeout_minutes"
                                   << "" << 4 << "spec.constraints.timeout_minutes"
                                   << "int32.gte";
        QTest::addRow("timeout 121") << "timeout_minutes"
                                     << "" << 121 << "spec.constraints.timeout_minutes"
                                     << "int32.lte";
        QTest::addRow("repository_id not a uuid") << "repository_id"
                                                  << "repo-1" << 0 << "spec.repository_id"
                                                  << "string.uuid";
    }

    void createRejectsInvalidSpec()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(int, number);
        QFETCH(QString, fieldPath);
        QFETCH(QString, constraintId);

        auto request = ApiFixture::featureRequest(m_repo.id(), "A valid title");
        auto* spec = request.mutable_spec();
        if (field == "title")
            spec->set_title(text.toStdString());
        else if (field == "description")
            spec->set_description(text.toStdString());
        else if (field == "repository_id")
            spec->set_repository_id(text.toStdString());
        else if (field == "max_steps")
            spec->mutable_constraints()->set_max_steps(number);
        else if (field == "timeout_minutes")
            spec->mutable_constraints()->set_timeout_minutes(number);
        else
            QFAIL("unknown field in test data");

        const auto status = m_api->createFeature(request, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        const auto violations = GrpcTestClient::violations(status);
        QVERIFY2(violations.size() == 1, describe(status));
        QCOMPARE(QString::fromStdString(violations.front().field_path()), fieldPath);
        QCOMPARE(QString::fromStdString(violations.front().constraint_id()), constraintId);
        QVERIFY(!violations.front().message().empty());

        // Nothing was created.
        std::vector<fv1::FeatureExecution> all;
        QVERIFY(searchPage({}, all, nullptr, nullptr).ok());
        QVERIFY(all.empty());
    }

    void createAcceptsBoundaryValues_data()
    {
        QTest::addColumn<int>("titleLength");
        QTest::addColumn<int>("descriptionLength");
        QTest::addColumn<int>("maxSteps");
        QTest::addColumn<int>("timeoutMinutes");
        QTest::addRow("lower bounds") << 1 << 10 << 1 << 5;
        QTest::addRow("upper bounds") << 255 << 10000 << 50 << 120;
    }

    void createAcceptsBoundaryValues()
    {
        QFETCH(int, titleLength);
        QFETCH(int, descriptionLength);
        QFETCH(int, maxSteps);
        QFETCH(int, timeoutMinutes);
        auto request = ApiFixture::featureRequest(m_repo.id(), std::string(titleLength, 't'),
                                                  std::string(descriptionLength, 'd'));
        request.mutable_spec()->mutable_constraints()->set_max_steps(maxSteps);
        request.mutable_spec()->mutable_constraints()->set_timeout_minutes(timeoutMinutes);
        fv1::FeatureExecution e;
        const auto status = m_api->createFeature(request, &e);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(e.spec().constraints().max_steps(), maxSteps);
        QCOMPARE(e.spec().constraints().timeout_minutes(), timeoutMinutes);
        QCOMPARE(int(e.spec().title().size()), titleLength);
    }

    void createOnUnknownRepositoryIsNotFound()
    {
        const auto status = m_api->createFeature(
            ApiFixture::featureRequest(randomUuid(), "Nowhere to build this"), nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
    }

    void getAndGetByCorrelation()
    {
        auto request = ApiFixture::featureRequest(m_repo.id(), "Correlated feature");
        request.set_correlation_id("corr-A");
        fv1::FeatureExecution created;
        QVERIFY(m_api->createFeature(request, &created).ok());
        QVERIFY(m_api
                    ->createFeature(ApiFixture::featureRequest(m_repo.id(), "Uncorrelated one"),
                                    nullptr)
                    .ok());

        fv1::FeatureExecution got;
        auto status = get(created.id(), &got);
        QVERIFY2(status.ok(), describe(status));
        QVERIFY(MessageDifferencer::Equals(got, created));

        fv1::GetByCorrelationRequest byCorrelation;
        byCorrelation.set_correlation_id("corr-A");
        fv1::GetByCorrelationResponse response;
        {
            auto ctx = m_api->ctx();
            status = m_api->features().GetByCorrelation(ctx.get(), byCorrelation, &response);
        }
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(response.execution().id(), created.id());
        QCOMPARE(response.execution().correlation_id(), "corr-A");

        byCorrelation.set_correlation_id("corr-unknown");
        {
            auto ctx = m_api->ctx();
            status = m_api->features().GetByCorrelation(ctx.get(), byCorrelation, &response);
        }
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);

        byCorrelation.set_correlation_id("");
        {
            auto ctx = m_api->ctx();
            status = m_api->features().GetByCorrelation(ctx.get(), byCorrelation, &response);
        }
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

        QCOMPARE(get(randomUuid(), nullptr).error_code(), grpc::StatusCode::NOT_FOUND);
        status = get("12345", nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        const auto violations = GrpcTestClient::violations(status);
        QVERIFY2(violations.size() == 1 && violations.front().field_path() == "id",
                 describe(status));
    }

    void search_data()
    {
        QTest::addColumn<SearchFilter>("filter");
        using S = fv1::FeatureState;
        auto row = [](const char* name, const QString& query, QList<int> states = {},
                      const QString& repository = {}, int afterBatch = -1, int beforeBatch = -1) {
            SearchFilter f;
            f.query = query;
            f.states = std::move(states);
            f.repository = repository;
            f.afterBatch = afterBatch;
            f.beforeBatch = beforeBatch;
            QTest::addRow("%s", name) << f;
        };
        row("no filter", {});
        row("word in description", "zebra");
        row("two words in description", "zebra stripes");
        row("word in title", "banana");
        row("word nowhere", "xylophone");
        row("state cancelled", {}, {S::FEATURE_STATE_CANCELLED});
        row("state pending", {}, {S::FEATURE_STATE_PENDING});
        row("states pending or cancelled", {},
            {S::FEATURE_STATE_PENDING, S::FEATURE_STATE_CANCELLED});
        row("state completed", {}, {S::FEATURE_STATE_COMPLETED});
        row("repository B", {}, {}, "B");
        row("repository A and cancelled", {}, {S::FEATURE_STATE_CANCELLED}, "A");
        row("word in repository A", "zebra", {}, "A");
        row("created after batch 0", {}, {}, {}, 0, -1);
        row("created before batch 2", {}, {}, {}, -1, 2);
        row("created between", {}, {}, {}, 0, 2);
        row("created between, in repository B", {}, {}, "B", 0, 2);
    }

    void search()
    {
        QFETCH(SearchFilter, filter);

        rv1::Repository other;
        QVERIFY(m_api->registerRemote("other", "https://github.com/acme/other.git", &other).ok());

        // 12 executions in 3 batches; batches are separated by a clock tick of
        // at least 2 ms so that a boundary exists that no creation time equals.
        const char* kWords[] = {"apple", "banana", "cherry", "damson",  "elder", "fig",
                                "grape", "hazel",  "iris",   "juniper", "kiwi",  "lemon"};
        struct Item
        {
            int index;
            std::string id;
            bool zebra;
            bool inB;
            bool cancelled;
            int batch;
        };
        std::vector<Item> items;
        std::vector<std::int64_t> batchEnd, batchStart;
        for (int batch = 0; batch < 3; ++batch) {
            if (batch > 0) {
                const auto previous = batchEnd.back();
                QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() >= previous + 3, 1000);
            }
            std::int64_t first = -1, last = -1;
            for (int k = 0; k < 4; ++k) {
                const int i = batch * 4 + k;
                const bool zebra = i % 3 == 0;
                const bool inB = i % 2 == 1;
                const std::string description =
                    zebra ? "Teach the zebra module to count stripes on every animal."
                          : "Improve the logging output of the service layer.";
                auto request = ApiFixture::featureRequest(
                    inB ? other.id() : m_repo.id(), std::string("Item ") + kWords[i], description);
                fv1::FeatureExecution e;
                const auto status = m_api->createFeature(request, &e);
                QVERIFY2(status.ok(), describe(status));
                const auto at = millis(e.created_at());
                first = first < 0 ? at : std::min(first, at);
                last = std::max(last, at);
                items.push_back({i, e.id(), zebra, inB, false, batch});
            }
            batchStart.push_back(first);
            batchEnd.push_back(last);
        }
        for (auto& item : items) {
            if (item.index % 3 == 2) {
                QVERIFY(m_api->cancelFeature(item.id, nullptr).ok());
                item.cancelled = true;
            }
        }

        fv1::SearchRequest request;
        request.set_query(filter.query.toStdString());
        for (int state : filter.states)
            request.add_states(static_cast<fv1::FeatureState>(state));
        if (filter.repository == "A")
            request.set_repository_id(m_repo.id());
        else if (filter.repository == "B")
            request.set_repository_id(other.id());
        if (filter.afterBatch >= 0)
            setMillis(request.mutable_created_after(), batchEnd[filter.afterBatch] + 1);
        if (filter.beforeBatch >= 0)
            setMillis(request.mutable_created_before(), batchStart[filter.beforeBatch] - 1);

        std::set<std::string> expected;
        for (const auto& item : items) {
            bool match = true;
            if (filter.query == "zebra" || filter.query == "zebra stripes")
                match = match && item.zebra;
            else if (filter.query == "banana")
                match = match && item.index == 1;
            else if (!filter.query.isEmpty())
                match = false;
            if (!filter.states.isEmpty()) {
                const int state =
                    item.cancelled ? fv1::FEATURE_STATE_CANCELLED : fv1::FEATURE_STATE_PENDING;
                match = match && filter.states.contains(state);
            }
            if (filter.repository == "A")
                match = match && !item.inB;
            if (filter.repository == "B")
                match = match && item.inB;
            if (filter.afterBatch >= 0)
                match = match && item.batch > filter.afterBatch;
            if (filter.beforeBatch >= 0)
                match = match && item.batch < filter.beforeBatch;
            if (match)
                expected.insert(item.id);
        }

        // Small pages, followed to the end: every match exactly once.
        request.mutable_pagination()->set_page_size(3);
        std::multiset<std::string> seen;
        std::string token, total;
        int pages = 0;
        do {
            request.mutable_pagination()->set_page_token(token);
            std::vector<fv1::FeatureExecution> page;
            const auto status = searchPage(request, page, &token, &total);
            QVERIFY2(status.ok(), describe(status));
            QCOMPARE(total, std::to_string(expected.size()));
            QVERIFY(page.size() <= 3);
            if (!token.empty())
                QCOMPARE(page.size(), std::size_t(3));
            for (const auto& e : page) {
                QVERIFY(!e.spec().title().empty());
                seen.insert(e.id());
            }
        } while (!token.empty() && ++pages < 10);
        QVERIFY(token.empty());
        QCOMPARE(seen.size(), expected.size());
        QCOMPARE(std::set<std::string>(seen.begin(), seen.end()), expected);
    }

    void searchPagination()
    {
        std::set<std::string> created;
        for (int i = 0; i < 12; ++i) {
            fv1::FeatureExecution e;
            QVERIFY(m_api
                        ->createFeature(ApiFixture::featureRequest(
                                            m_repo.id(), "Paged feature " + std::to_string(i)),
                                        &e)
                        .ok());
            created.insert(e.id());
        }
        fv1::SearchRequest request;
        request.mutable_pagination()->set_page_size(5);
        std::vector<std::size_t> sizes;
        std::multiset<std::string> seen;
        std::string token, total;
        do {
            request.mutable_pagination()->set_page_token(token);
            std::vector<fv1::FeatureExecution> page;
            const auto status = searchPage(request, page, &token, &total);
            QVERIFY2(status.ok(), describe(status));
            QCOMPARE(total, "12");
            sizes.push_back(page.size());
            for (const auto& e : page)
                seen.insert(e.id());
        } while (!token.empty() && sizes.size() < 10);
        QCOMPARE(sizes, (std::vector<std::size_t>{5, 5, 2}));
        QCOMPARE(seen.size(), std::size_t(12));
        QCOMPARE(std::set<std::string>(seen.begin(), seen.end()), created);

        // A token the server never issued for Search.
        request.mutable_pagination()->set_page_token("!!garbage!!");
        std::vector<fv1::FeatureExecution> page;
        auto status = searchPage(request, page, nullptr, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

        // Page size out of range.
        request.mutable_pagination()->set_page_token("");
        request.mutable_pagination()->set_page_size(101);
        status = searchPage(request, page, nullptr, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    }

    void searchRejectsInvalidFilters_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("fieldPath");
        QTest::addRow("repository_id not a uuid") << "repository_id"
                                                  << "repository_id";
        QTest::addRow("undefined state") << "state"
                                         << "states[0]";
        QTest::addRow("after later than before") << "inverted"
                                                 << "created_after";
        QTest::addRow("page size 101") << "page_size"
                                       << "pagination.page_size";
    }

    void searchRejectsInvalidFilters()
    {
        QFETCH(QString, what);
        QFETCH(QString, fieldPath);
        fv1::SearchRequest request;
        if (what == "repository_id") {
            request.set_repository_id("repo");
        } else if (what == "state") {
            request.add_states(static_cast<fv1::FeatureState>(99));
        } else if (what == "inverted") {
            setMillis(request.mutable_created_after(), 2'000'000'000'000);
            setMillis(request.mutable_created_before(), 1'000'000'000'000);
        } else if (what == "page_size") {
            request.mutable_pagination()->set_page_size(101);
        } else {
            QFAIL("unknown case in test data");
        }
        std::vector<fv1::FeatureExecution> page;
        const auto status = searchPage(request, page, nullptr, nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        const auto violations = GrpcTestClient::violations(status);
        QVERIFY2(violations.size() == 1 &&
                     QString::fromStdString(violations.front().field_path()) == fieldPath,
                 describe(status));
    }

    void cancelAndRetry()
    {
        auto request = ApiFixture::featureRequest(m_repo.id(), "Cancel then retry");
        request.set_correlation_id("corr-retry");
        fv1::FeatureExecution original;
        QVERIFY(m_api->createFeature(request, &original).ok());

        // Nothing to retry yet.
        auto status = retry(original.id(), nullptr);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

        fv1::FeatureExecution cancelled;
        status = m_api->cancelFeature(original.id(), &cancelled, "no longer needed");
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(cancelled.id(), original.id());
        QCOMPARE(cancelled.state(), fv1::FEATURE_STATE_CANCELLED);
        QVERIFY(cancelled.has_error());
        QCOMPARE(cancelled.error().code(), fv1::ERROR_CODE_CANCELLED);
        QCOMPARE(cancelled.error().message(), "no longer needed");
        QVERIFY(cancelled.has_completed_at());

        // Cancelling again changes nothing and is not an error.
        fv1::FeatureExecution again;
        status = m_api->cancelFeature(original.id(), &again, "second thoughts");
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(again.state(), fv1::FEATURE_STATE_CANCELLED);
        QCOMPARE(again.error().code(), fv1::ERROR_CODE_CANCELLED);
        QVERIFY2(MessageDifferencer::Equals(again, cancelled), again.DebugString().c_str());

        fv1::FeatureExecution retried;
        status = retry(original.id(), &retried);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(retried.state(), fv1::FEATURE_STATE_PENDING);
        QVERIFY(ApiFixture::isUuid(retried.id()));
        QVERIFY(retried.id() != original.id());
        QCOMPARE(retried.repository_id(), original.repository_id());
        QCOMPARE(retried.correlation_id(), "corr-retry");
        QVERIFY(MessageDifferencer::Equals(retried.spec(), original.spec()));
        QVERIFY(!retried.has_error());
        QVERIFY(!retried.has_completed_at());

        fv1::FeatureExecution retriedAgain;
        status = retry(original.id(), &retriedAgain);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(retriedAgain.id(), retried.id());

        fv1::FeatureExecution stored;
        QVERIFY(get(original.id(), &stored).ok());
        QCOMPARE(stored.state(), fv1::FEATURE_STATE_CANCELLED);
        QVERIFY(get(retried.id(), &stored).ok());
        QCOMPARE(stored.state(), fv1::FEATURE_STATE_PENDING);

        QCOMPARE(m_api->cancelFeature(randomUuid(), nullptr).error_code(),
                 grpc::StatusCode::NOT_FOUND);
        QCOMPARE(retry(randomUuid(), nullptr).error_code(), grpc::StatusCode::NOT_FOUND);
    }

    void getArtifacts()
    {
        fv1::FeatureExecution e;
        QVERIFY(m_api->createFeature(ApiFixture::featureRequest(m_repo.id(), "Artifacts later"), &e)
                    .ok());

        auto call = [&](const std::string& id, fv1::GetArtifactsResponse* response) {
            fv1::GetArtifactsRequest request;
            request.set_feature_execution_id(id);
            auto ctx = m_api->ctx();
            return m_api->features().GetArtifacts(ctx.get(), request, response);
        };
        fv1::GetArtifactsResponse response;
        auto status = call(e.id(), &response);
        QVERIFY2(status.ok(), describe(status));
        QCOMPARE(response.artifacts_size(), 0);

        QCOMPARE(call(randomUuid(), &response).error_code(), grpc::StatusCode::NOT_FOUND);
        status = call("nope", &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        const auto violations = GrpcTestClient::violations(status);
        QVERIFY2(violations.size() == 1 &&
                     violations.front().field_path() == "feature_execution_id",
                 describe(status));
    }
};

QTEST_GUILESS_MAIN(FeatureApiTest)
#include "test_feature_api.moc"
