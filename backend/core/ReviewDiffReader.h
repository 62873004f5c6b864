#pragma once

#include "common/Result.h"
#include "feature/review/v1/review.pb.h"

#include <filesystem>
#include <memory>
#include <string>

namespace builder::store {
class Database;
}

namespace builder::core {

// Assembles GetDiff: the diff under review (the latest review round's
// base..head, or before any round the workspace's base..HEAD) parsed into
// files, hunks and lines, the automated review's findings of that round, and
// every reviewer comment. Reads the execution's workspace below workspacesDir.
class ReviewDiffReader
{
public:
    ReviewDiffReader(std::shared_ptr<store::Database> db, std::filesystem::path workspacesDir);

    common::Result<feature::review::v1::GetDiffResponse> read(const std::string& executionId) const;

private:
    std::shared_ptr<store::Database> m_db;
    std::filesystem::path m_workspacesDir;
};

} // namespace builder::core
