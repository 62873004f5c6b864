#include "StoreSeeder.h"

#include "common/Uuid.h"
#include "store/Database.h"
#include "store/EventStore.h"
#include "store/ExecutionStore.h"
#include "store/RepositoryStore.h"
#include "store/Timestamps.h"

#include <filesystem>

namespace builder::bench {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;
using store::Connection;
using store::Timestamps;

namespace {

store::ExecutionRecord makeExecution(const std::string& repositoryId, const std::string& title,
                                     const std::string& description, fv1::FeatureState state,
                                     std::int64_t createdAt)
{
    store::ExecutionRecord record;
    auto& e = record.execution;
    e.set_id(common::Uuid::generateV4());
    e.set_repository_id(repositoryId);
    e.set_state(state);
    auto* spec = e.mutable_spec();
    spec->set_title(title);
    spec->set_description(description);
    spec->set_repository_id(repositoryId);
    spec->set_target_branch("main");
    spec->set_feature_branch("feature/" + e.id().substr(0, 8) + "-bench");
    spec->mutable_constraints()->set_max_steps(10);
    spec->mutable_constraints()->set_timeout_minutes(30);
    e.mutable_progress();
    Timestamps::fromMillis(createdAt, e.mutable_created_at());
    Timestamps::fromMillis(createdAt, e.mutable_updated_at());
    if (store::ExecutionStore::isTerminal(state))
        Timestamps::fromMillis(createdAt + 60000, e.mutable_completed_at());
    record.createdBy = "bench";
    return record;
}

// Event types and payloads shaped like a pipeline's log: mostly sandbox
// output chunks, with LLM calls and step markers in between.
struct EventShape
{
    const char* type;
    google::protobuf::Struct payload;
};

std::vector<EventShape> eventShapes()
{
    auto make = [](const char* type,
                   std::initializer_list<std::pair<const char*, std::string>> fields) {
        EventShape shape{type, {}};
        for (const auto& [key, value] : fields)
            (*shape.payload.mutable_fields())[key].set_string_value(value);
        return shape;
    };
    const std::string line =
        "[ 42%] Building CXX object backend/core/CMakeFiles/builder_core.dir/FeatureManager.cpp.o";
    return {
        make("sandbox.output", {{"stream", "stdout"}, {"chunk", line}, {"step", "3"}}),
        make("sandbox.output", {{"stream", "stderr"}, {"chunk", line}, {"step", "3"}}),
        make("sandbox.output", {{"stream", "stdout"}, {"chunk", line}, {"step", "4"}}),
        make("llm.call", {{"provider", "anthropic"},
                          {"model", "claude"},
                          {"tokens_in", "5123"},
                          {"tokens_out", "812"},
                          {"cost", "0.0231"},
                          {"latency_ms", "2410"}}),
        make("step.started", {{"step", "4"}, {"description", "Add the health endpoint handler"}}),
        make("step.completed", {{"step", "4"}, {"commit", "3f2a9c1d"}}),
    };
}

} // namespace

common::Result<std::unique_ptr<StoreSeeder>> StoreSeeder::open(const std::string& dataDir)
{
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return common::Error(common::StatusCode::Internal,
                             "cannot create " + dataDir + ": " + ec.message());
    store::Database::Options options;
    options.path = dataDir + "/builder.db";
    options.readers = 1;
    auto db = store::Database::open(options);
    if (!db.ok())
        return db.error();
    return std::unique_ptr<StoreSeeder>(new StoreSeeder(db.value()));
}

StoreSeeder::~StoreSeeder() = default;

void StoreSeeder::close()
{
    m_db.reset();
}

int StoreSeeder::stateFor(std::uint32_t draw)
{
    const auto percent = draw % 100;
    if (percent < 50)
        return fv1::FEATURE_STATE_COMPLETED;
    if (percent < 65)
        return fv1::FEATURE_STATE_FAILED;
    if (percent < 75)
        return fv1::FEATURE_STATE_CANCELLED;
    if (percent < 80)
        return fv1::FEATURE_STATE_PENDING;
    if (percent < 84)
        return fv1::FEATURE_STATE_ANALYZING;
    if (percent < 88)
        return fv1::FEATURE_STATE_PLANNING;
    if (percent < 93)
        return fv1::FEATURE_STATE_EXECUTING;
    if (percent < 97)
        return fv1::FEATURE_STATE_VERIFYING;
    return fv1::FEATURE_STATE_AWAITING_REVIEW;
}

common::Result<std::string> StoreSeeder::addRepository(const std::string& name,
                                                       const std::string& url)
{
    return m_db->write([&](Connection& c) -> common::Result<std::string> {
        store::RepositoryRecord record;
        auto& repo = record.repository;
        repo.set_id(common::Uuid::generateV4());
        repo.set_name(name);
        repo.set_url(url);
        repo.set_default_branch("main");
        repo.set_provider(rv1::GIT_PROVIDER_GENERIC);
        repo.set_state(feature::common::v1::STATE_ACTIVE);
        const auto now = Timestamps::nowMillis();
        Timestamps::fromMillis(now, repo.mutable_created_at());
        Timestamps::fromMillis(now, repo.mutable_updated_at());
        store::RepositoryStore::insert(c, record);
        return repo.id();
    });
}

common::Result<std::string> StoreSeeder::addExecutionWithEvents(const std::string& repositoryId,
                                                                int events, int perTransaction)
{
    const auto start = Timestamps::nowMillis() - events; // one event per millisecond
    auto id = m_db->write([&](Connection& c) -> common::Result<std::string> {
        auto record = makeExecution(repositoryId, "Replay benchmark execution",
                                    "An execution with a very long event log.",
                                    fv1::FEATURE_STATE_EXECUTING, start);
        store::ExecutionStore::insert(c, record);
        return record.execution.id();
    });
    if (!id.ok())
        return id;
    const auto shapes = eventShapes();
    for (int done = 0; done < events;) {
        const int upTo = std::min(events, done + perTransaction);
        auto written = m_db->write([&](Connection& c) -> common::Result<bool> {
            for (int i = done; i < upTo; ++i) {
                const auto& shape = shapes[static_cast<std::size_t>(i) % shapes.size()];
                store::EventStore::append(c, id.value(), shape.type,
                                          std::string(shape.type) + " #" + std::to_string(i + 1),
                                          shape.payload, start + i);
            }
            return true;
        });
        if (!written.ok())
            return written.error();
        done = upTo;
    }
    return id;
}

common::Status StoreSeeder::addExecutions(const std::vector<std::string>& repositoryIds, int count,
                                          int perTransaction, const Vocabulary& vocabulary,
                                          std::uint32_t seed)
{
    std::mt19937 rng(seed);
    const auto end = Timestamps::nowMillis();
    const std::int64_t step = 60000;
    for (int done = 0; done < count;) {
        const int upTo = std::min(count, done + perTransaction);
        auto written = m_db->write([&](Connection& c) -> common::Result<bool> {
            for (int i = done; i < upTo; ++i) {
                const auto& repo = repositoryIds[rng() % repositoryIds.size()];
                const auto state = static_cast<fv1::FeatureState>(stateFor(rng()));
                const std::string title = vocabulary.sentence(rng, 4);
                const std::string description = vocabulary.sentence(rng, 15) + ".";
                const std::int64_t createdAt = end - static_cast<std::int64_t>(count - i) * step +
                                               static_cast<std::int64_t>(rng() % 1000);
                store::ExecutionStore::insert(
                    c, makeExecution(repo, title, description, state, createdAt));
            }
            return true;
        });
        if (!written.ok())
            return written.error();
        done = upTo;
    }
    return {};
}

} // namespace builder::bench
