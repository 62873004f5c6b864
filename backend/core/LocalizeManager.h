#pragma once

#include "common/Result.h"
#include "feature/analysis/v1/analysis.pb.h"

#include <filesystem>
#include <memory>

namespace builder::store {
class Database;
}
namespace builder::git {
class MirrorCache;
}

namespace builder::core {

class RepositoryManager;

// The localization preview of a registered repository: its mirror is fetched,
// the branch checked out into a scratch tree, ranked against the text
// (backend/localize, the same ranking AnalyzeImpact shows the model), and the
// scratch tree removed. Symbols are cached by blob, so a second preview of the
// same commit reads little.
class LocalizeManager
{
public:
    LocalizeManager(std::shared_ptr<store::Database> db, RepositoryManager& repositories,
                    git::MirrorCache& mirrors, std::filesystem::path cacheDir);

    common::Result<feature::analysis::v1::LocalizeResponse>
    localize(const feature::analysis::v1::LocalizeRequest& request);

private:
    std::shared_ptr<store::Database> m_db;
    RepositoryManager& m_repositories;
    git::MirrorCache& m_mirrors;
    std::filesystem::path m_cacheDir;
};

} // namespace builder::core
