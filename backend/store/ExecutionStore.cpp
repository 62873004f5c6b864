#include "ExecutionStore.h"

#include "Connection.h"
#include "PageToken.h"
#include "Timestamps.h"

#include <cctype>
#include <variant>

namespace builder::store {

namespace fv1 = feature::feature::v1;

namespace {

constexpr const char* kColumns =
    "e.id, e.correlation_id, e.repository_id, e.spec, e.state, e.plan, e.progress, e.error, "
    "e.result, e.created_at, e.updated_at, e.completed_at, e.idempotency_key, e.created_by, "
    "e.retry_of, e.from_step, e.last_event_seq";

template <typename M> void parseInto(const Statement& s, int column, M* message)
{
    if (!s.isNull(column))
        message->ParseFromString(s.blob(column));
}

ExecutionRecord readRow(const Statement& s)
{
    ExecutionRecord r;
    auto& e = r.execution;
    e.set_id(s.text(0));
    e.set_correlation_id(s.text(1));
    e.set_repository_id(s.text(2));
    e.mutable_spec()->ParseFromString(s.blob(3));
    e.set_state(static_cast<fv1::FeatureState>(s.int64(4)));
    parseInto(s, 5, e.mutable_plan());
    if (s.isNull(5))
        e.clear_plan();
    parseInto(s, 6, e.mutable_progress());
    parseInto(s, 7, e.mutable_error());
    if (s.isNull(7))
        e.clear_error();
    parseInto(s, 8, e.mutable_result());
    if (s.isNull(8))
        e.clear_result();
    Timestamps::fromMillis(s.int64(9), e.mutable_created_at());
    Timestamps::fromMillis(s.int64(10), e.mutable_updated_at());
    if (s.int64(11) != 0)
        Timestamps::fromMillis(s.int64(11), e.mutable_completed_at());
    r.idempotencyKey = s.text(12);
    r.createdBy = s.text(13);
    r.retryOf = s.text(14);
    r.fromStep = static_cast<int>(s.int64(15));
    r.lastEventSeq = static_cast<std::uint64_t>(s.int64(16));
    return r;
}

template <typename M> void bindOptionalMessage(Statement& s, int index, bool present, const M& m)
{
    if (present)
        s.bindBlob(index, m.SerializeAsString());
    else
        s.bindNull(index);
}

std::optional<ExecutionRecord> findOne(Connection& c, const std::string& where,
                                       const std::string& arg)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM executions e WHERE " + where);
    s.bind(1, arg);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

} // namespace

bool ExecutionStore::isTerminal(fv1::FeatureState state)
{
    return state == fv1::FEATURE_STATE_COMPLETED || state == fv1::FEATURE_STATE_FAILED ||
           state == fv1::FEATURE_STATE_CANCELLED;
}

void ExecutionStore::insert(Connection& c, const ExecutionRecord& record)
{
    const auto& e = record.execution;
    auto s = c.prepare(
        "INSERT INTO executions (id, repository_id, correlation_id, idempotency_key, created_by, "
        "retry_of, from_step, title, description, state, spec, plan, progress, error, result, "
        "last_event_seq, created_at, updated_at, completed_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, e.id())
        .bind(2, e.repository_id())
        .bindOptional(3, e.correlation_id())
        .bindOptional(4, record.idempotencyKey)
        .bind(5, record.createdBy)
        .bindOptional(6, record.retryOf)
        .bind(7, record.fromStep)
        .bind(8, e.spec().title())
        .bind(9, e.spec().description())
        .bind(10, static_cast<int>(e.state()))
        .bindBlob(11, e.spec().SerializeAsString());
    bindOptionalMessage(s, 12, e.has_plan(), e.plan());
    bindOptionalMessage(s, 13, true, e.progress());
    bindOptionalMessage(s, 14, e.has_error(), e.error());
    bindOptionalMessage(s, 15, e.has_result(), e.result());
    s.bind(16, static_cast<std::int64_t>(record.lastEventSeq))
        .bind(17, Timestamps::toMillis(e.created_at()))
        .bind(18, Timestamps::toMillis(e.updated_at()))
        .bind(19, e.has_completed_at() ? Timestamps::toMillis(e.completed_at()) : 0);
    s.run();
}

void ExecutionStore::update(Connection& c, const fv1::FeatureExecution& e)
{
    auto s = c.prepare("UPDATE executions SET state=?, plan=?, progress=?, error=?, result=?, "
                       "updated_at=?, completed_at=? WHERE id=?");
    s.bind(1, static_cast<int>(e.state()));
    bindOptionalMessage(s, 2, e.has_plan(), e.plan());
    bindOptionalMessage(s, 3, true, e.progress());
    bindOptionalMessage(s, 4, e.has_error(), e.error());
    bindOptionalMessage(s, 5, e.has_result(), e.result());
    s.bind(6, Timestamps::toMillis(e.updated_at()))
        .bind(7, e.has_completed_at() ? Timestamps::toMillis(e.completed_at()) : 0)
        .bind(8, e.id());
    s.run();
}

std::optional<ExecutionRecord> ExecutionStore::findById(Connection& c, const std::string& id)
{
    return findOne(c, "e.id = ?", id);
}

std::optional<ExecutionRecord> ExecutionStore::findByIdempotencyKey(Connection& c,
                                                                    const std::string& key)
{
    return findOne(c, "e.idempotency_key = ?", key);
}

std::optional<ExecutionRecord> ExecutionStore::findByCorrelation(Connection& c,
                                                                 const std::string& correlationId)
{
    return findOne(c, "e.correlation_id = ? ORDER BY e.created_at DESC, e.seq DESC LIMIT 1",
                   correlationId);
}

std::optional<ExecutionRecord> ExecutionStore::findRetryOf(Connection& c,
                                                           const std::string& parentId)
{
    return findOne(c, "e.retry_of = ? ORDER BY e.seq DESC LIMIT 1", parentId);
}

int ExecutionStore::countInProgress(Connection& c, const std::string& repositoryId)
{
    auto s = c.prepare("SELECT COUNT(*) FROM executions WHERE repository_id = ? AND state NOT IN "
                       "(6, 7, 8)");
    s.bind(1, repositoryId);
    return s.step() ? static_cast<int>(s.int64(0)) : 0;
}

std::vector<std::pair<int, int>> ExecutionStore::countByState(Connection& c)
{
    auto s = c.prepare("SELECT state, COUNT(*) FROM executions GROUP BY state");
    std::vector<std::pair<int, int>> out;
    while (s.step())
        out.emplace_back(static_cast<int>(s.int64(0)), static_cast<int>(s.int64(1)));
    return out;
}

std::string ExecutionStore::ftsQuery(const std::string& text)
{
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word.empty())
            return;
        if (!out.empty())
            out += ' ';
        out += '"' + word + "\"*";
        word.clear();
    };
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) || u >= 0x80 || ch == '_')
            word += ch;
        else
            flush();
    }
    flush();
    return out;
}

common::Result<Page<ExecutionRecord>> ExecutionStore::search(Connection& c,
                                                             const ExecutionQuery& query)
{
    // Arguments are bound in the order their placeholders appear.
    std::vector<std::variant<std::string, std::int64_t>> args;
    std::string where = " WHERE 1=1";
    if (!query.text.empty()) {
        const std::string fts = ftsQuery(query.text);
        if (fts.empty())
            return Page<ExecutionRecord>{};
        // A subquery, not a join: SQLite then runs the MATCH once instead of
        // once per row of another index (seconds at 100,000 rows).
        where += " AND e.seq IN (SELECT rowid FROM executions_fts WHERE executions_fts MATCH ?)";
        args.emplace_back(fts);
    }
    if (!query.repositoryId.empty()) {
        where += " AND e.repository_id = ?";
        args.emplace_back(query.repositoryId);
    }
    if (!query.states.empty()) {
        where += " AND e.state IN (";
        for (std::size_t i = 0; i < query.states.size(); ++i)
            where += (i ? "," : "") + std::to_string(query.states[i]);
        where += ")";
    }
    if (query.createdAfterMillis > 0) {
        where += " AND e.created_at > ?";
        args.emplace_back(query.createdAfterMillis);
    }
    if (query.createdBeforeMillis > 0) {
        where += " AND e.created_at < ?";
        args.emplace_back(query.createdBeforeMillis);
    }
    auto bindAll = [&](Statement& s) {
        for (std::size_t i = 0; i < args.size(); ++i)
            std::visit([&](const auto& v) { s.bind(static_cast<int>(i + 1), v); }, args[i]);
    };

    Page<ExecutionRecord> page;
    {
        auto count = c.prepareOnce("SELECT COUNT(*) FROM executions e" + where);
        bindAll(count);
        page.totalCount = count.step() ? static_cast<int>(count.int64(0)) : 0;
    }

    if (!query.pageToken.empty()) {
        auto token = PageToken::decode(query.pageToken, "executions");
        std::int64_t at = 0;
        bool valid = token.has_value();
        if (valid) {
            try {
                at = std::stoll(token->sortKey);
            } catch (...) {
                valid = false;
            }
        }
        if (!valid)
            return common::Error::invalid("pagination.page_token", "page_token.valid",
                                          "page_token is not a token returned by this search");
        where += " AND (e.created_at < ? OR (e.created_at = ? AND e.id < ?))";
        args.emplace_back(at);
        args.emplace_back(at);
        args.emplace_back(token->id);
    }
    // The page is chosen on the narrow index columns first; only its rows'
    // blobs are read.
    const std::string order = " ORDER BY e.created_at DESC, e.id DESC";
    auto s =
        c.prepareOnce(std::string("SELECT ") + kColumns +
                      " FROM executions e WHERE e.seq IN (SELECT e.seq FROM executions e" + where +
                      order + " LIMIT " + std::to_string(query.pageSize + 1) + ")" + order);
    bindAll(s);
    while (s.step())
        page.items.push_back(readRow(s));
    if (static_cast<int>(page.items.size()) > query.pageSize) {
        page.items.pop_back();
        const auto& last = page.items.back().execution;
        page.nextPageToken =
            PageToken{"executions", std::to_string(Timestamps::toMillis(last.created_at())),
                      last.id()}
                .encode();
    }
    return page;
}

} // namespace builder::store
