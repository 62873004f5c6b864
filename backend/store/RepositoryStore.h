#pragma once

#include "Page.h"
#include "common/Result.h"
#include "feature/repository/v1/repository.pb.h"

#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// A repository row: the public message plus its sealed credential, which never
// leaves the backend.
struct RepositoryRecord
{
    feature::repository::v1::Repository repository;
    std::string credentialNonce;
    std::string credentialCipher;
};

struct RepositoryQuery
{
    std::string text;        // substring of name or URL, case-insensitive
    std::vector<int> states; // empty: active and inactive
    int pageSize = 50;
    std::string pageToken;
};

// Repository rows. Stateless: every call runs on the caller's connection (and
// so inside the caller's transaction). SQLite failures throw StoreError.
class RepositoryStore
{
public:
    static void insert(Connection& c, const RepositoryRecord& record);
    static void update(Connection& c, const RepositoryRecord& record);
    static std::optional<RepositoryRecord> findById(Connection& c, const std::string& id);
    // The repository with this name that is not deleted.
    static std::optional<RepositoryRecord> findLiveByName(Connection& c, const std::string& name);
    static common::Result<Page<RepositoryRecord>> list(Connection& c, const RepositoryQuery& query);
    static void touchAccessed(Connection& c, const std::string& id, std::int64_t atMillis);
};

} // namespace builder::store
