#include "RepositoryStore.h"

#include "Connection.h"
#include "PageToken.h"
#include "Timestamps.h"

namespace builder::store {

namespace rv1 = feature::repository::v1;

namespace {

constexpr const char* kColumns =
    "id, name, url, default_branch, provider, credential_type, credential_nonce, "
    "credential_cipher, properties, state, last_accessed_at, created_at, updated_at";

RepositoryRecord readRow(const Statement& s)
{
    RepositoryRecord r;
    auto& repo = r.repository;
    repo.set_id(s.text(0));
    repo.set_name(s.text(1));
    repo.set_url(s.text(2));
    repo.set_default_branch(s.text(3));
    repo.set_provider(static_cast<rv1::GitProvider>(s.int64(4)));
    repo.set_credential_type(static_cast<rv1::CredentialType>(s.int64(5)));
    r.credentialNonce = s.blob(6);
    r.credentialCipher = s.blob(7);
    repo.set_has_credentials(!r.credentialCipher.empty());
    repo.mutable_properties()->ParseFromString(s.blob(8));
    if (repo.properties().values().empty())
        repo.clear_properties();
    repo.set_state(static_cast<feature::common::v1::State>(s.int64(9)));
    Timestamps::fromMillis(s.int64(10), repo.mutable_last_accessed_at());
    if (s.int64(10) == 0)
        repo.clear_last_accessed_at();
    Timestamps::fromMillis(s.int64(11), repo.mutable_created_at());
    Timestamps::fromMillis(s.int64(12), repo.mutable_updated_at());
    return r;
}

void bindRow(Statement& s, const RepositoryRecord& r)
{
    const auto& repo = r.repository;
    s.bind(1, repo.id())
        .bind(2, repo.name())
        .bind(3, repo.url())
        .bind(4, repo.default_branch())
        .bind(5, static_cast<int>(repo.provider()))
        .bind(6, static_cast<int>(repo.credential_type()))
        .bindBlob(7, r.credentialNonce)
        .bindBlob(8, r.credentialCipher)
        .bindBlob(9, repo.properties().SerializeAsString())
        .bind(10, static_cast<int>(repo.state()))
        .bind(11, repo.has_last_accessed_at() ? Timestamps::toMillis(repo.last_accessed_at()) : 0)
        .bind(12, Timestamps::toMillis(repo.created_at()))
        .bind(13, Timestamps::toMillis(repo.updated_at()));
}

std::string escapeLike(const std::string& text)
{
    std::string out;
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\')
            out += '\\';
        out += ch;
    }
    return out;
}

} // namespace

void RepositoryStore::insert(Connection& c, const RepositoryRecord& record)
{
    auto s = c.prepare(std::string("INSERT INTO repositories (") + kColumns +
                       ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindRow(s, record);
    s.run();
}

void RepositoryStore::update(Connection& c, const RepositoryRecord& record)
{
    auto s = c.prepare("UPDATE repositories SET id=?1, name=?2, url=?3, default_branch=?4, "
                       "provider=?5, credential_type=?6, credential_nonce=?7, "
                       "credential_cipher=?8, properties=?9, state=?10, last_accessed_at=?11, "
                       "created_at=?12, updated_at=?13 WHERE id=?1");
    bindRow(s, record);
    s.run();
}

std::optional<RepositoryRecord> RepositoryStore::findById(Connection& c, const std::string& id)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM repositories WHERE id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

std::optional<RepositoryRecord> RepositoryStore::findLiveByName(Connection& c,
                                                                const std::string& name)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns +
                       " FROM repositories WHERE name=? AND state != 3");
    s.bind(1, name);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

void RepositoryStore::touchAccessed(Connection& c, const std::string& id, std::int64_t atMillis)
{
    auto s = c.prepare("UPDATE repositories SET last_accessed_at=? WHERE id=?");
    s.bind(1, atMillis).bind(2, id);
    s.run();
}

common::Result<Page<RepositoryRecord>> RepositoryStore::list(Connection& c,
                                                             const RepositoryQuery& query)
{
    std::string where = " WHERE 1=1";
    std::vector<std::string> args;
    std::vector<int> states = query.states;
    if (states.empty())
        states = {feature::common::v1::STATE_ACTIVE, feature::common::v1::STATE_INACTIVE};
    where += " AND state IN (";
    for (std::size_t i = 0; i < states.size(); ++i)
        where += (i ? "," : "") + std::to_string(states[i]);
    where += ")";
    if (!query.text.empty()) {
        where += " AND (name LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\')";
        const std::string pattern = "%" + escapeLike(query.text) + "%";
        args.push_back(pattern);
        args.push_back(pattern);
    }

    Page<RepositoryRecord> page;
    {
        auto count = c.prepareOnce("SELECT COUNT(*) FROM repositories" + where);
        for (std::size_t i = 0; i < args.size(); ++i)
            count.bind(static_cast<int>(i + 1), args[i]);
        page.totalCount = count.step() ? static_cast<int>(count.int64(0)) : 0;
    }

    std::string sql = std::string("SELECT ") + kColumns + " FROM repositories" + where;
    auto cursorArgs = args;
    if (!query.pageToken.empty()) {
        auto token = PageToken::decode(query.pageToken, "repositories");
        if (!token)
            return common::Error::invalid("pagination.page_token", "page_token.valid",
                                          "page_token is not a token returned by this listing");
        sql += " AND (name > ? OR (name = ? AND id > ?))";
        cursorArgs.push_back(token->sortKey);
        cursorArgs.push_back(token->sortKey);
        cursorArgs.push_back(token->id);
    }
    sql += " ORDER BY name ASC, id ASC LIMIT " + std::to_string(query.pageSize + 1);
    auto s = c.prepareOnce(sql);
    for (std::size_t i = 0; i < cursorArgs.size(); ++i)
        s.bind(static_cast<int>(i + 1), cursorArgs[i]);
    while (s.step())
        page.items.push_back(readRow(s));
    if (static_cast<int>(page.items.size()) > query.pageSize) {
        page.items.pop_back();
        const auto& last = page.items.back().repository;
        page.nextPageToken = PageToken{"repositories", last.name(), last.id()}.encode();
    }
    return page;
}

} // namespace builder::store
