#include "StoreFixture.h"

#include "common/Uuid.h"
#include "store/Timestamps.h"

namespace builder::testing {

namespace fv1 = feature::feature::v1;

StoreFixture::StoreFixture(int targetVersion)
{
    store::Database::Options options;
    options.path = path();
    options.targetVersion = targetVersion;
    auto opened = store::Database::open(options);
    if (opened.ok())
        db = opened.value();
    else
        m_error = opened.error().message();
}

std::string StoreFixture::path() const
{
    return m_dir.filePath("builder.db").toStdString();
}

std::string StoreFixture::addRepository(const std::string& name)
{
    store::RepositoryRecord record;
    auto& r = record.repository;
    r.set_id(common::Uuid::generateV4());
    r.set_name(name);
    r.set_url("https://example.com/" + name + ".git");
    r.set_default_branch("main");
    r.set_state(feature::common::v1::STATE_ACTIVE);
    const auto now = store::Timestamps::nowMillis();
    store::Timestamps::fromMillis(now, r.mutable_created_at());
    store::Timestamps::fromMillis(now, r.mutable_updated_at());
    auto written = db->write([&](store::Connection& c) -> common::Status {
        store::RepositoryStore::insert(c, record);
        return {};
    });
    return written.ok() ? r.id() : std::string();
}

store::ExecutionRecord StoreFixture::makeExecution(const std::string& repositoryId,
                                                   const std::string& title,
                                                   const std::string& description,
                                                   std::int64_t createdAtMillis)
{
    store::ExecutionRecord record;
    auto& e = record.execution;
    e.set_id(common::Uuid::generateV4());
    e.set_repository_id(repositoryId);
    e.set_state(fv1::FEATURE_STATE_PENDING);
    auto* spec = e.mutable_spec();
    spec->set_title(title);
    spec->set_description(description);
    spec->set_repository_id(repositoryId);
    spec->set_target_branch("main");
    spec->set_feature_branch("feature/" + e.id().substr(0, 8) + "-x");
    e.mutable_progress();
    const auto at = createdAtMillis ? createdAtMillis : store::Timestamps::nowMillis();
    store::Timestamps::fromMillis(at, e.mutable_created_at());
    store::Timestamps::fromMillis(at, e.mutable_updated_at());
    record.createdBy = "tester";
    return record;
}

std::string StoreFixture::addExecution(const std::string& repositoryId, const std::string& title,
                                       const std::string& description, std::int64_t createdAtMillis)
{
    auto record = makeExecution(repositoryId, title, description, createdAtMillis);
    auto written = db->write([&](store::Connection& c) -> common::Status {
        store::ExecutionStore::insert(c, record);
        return {};
    });
    return written.ok() ? record.execution.id() : std::string();
}

} // namespace builder::testing
