#pragma once

#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/RepositoryStore.h"

#include <QTemporaryDir>

#include <memory>
#include <string>

namespace builder::testing {

// A real SQLite database in a temporary directory, with helpers to add rows.
class StoreFixture
{
public:
    explicit StoreFixture(int targetVersion = -1);

    std::shared_ptr<store::Database> db;
    std::string path() const;
    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }

    // Inserts an active repository and returns its id.
    std::string addRepository(const std::string& name);
    // Inserts a PENDING execution of the repository and returns its id.
    std::string addExecution(const std::string& repositoryId, const std::string& title,
                             const std::string& description, std::int64_t createdAtMillis = 0);

    static store::ExecutionRecord makeExecution(const std::string& repositoryId,
                                                const std::string& title,
                                                const std::string& description,
                                                std::int64_t createdAtMillis);

private:
    QTemporaryDir m_dir;
    std::string m_error;
};

} // namespace builder::testing
