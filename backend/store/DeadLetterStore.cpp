#include "DeadLetterStore.h"

#include "Connection.h"
#include "PageToken.h"

namespace builder::store {

namespace {

constexpr const char* kColumns = "id, job_id, execution_id, kind, attempts, last_error, "
                                 "error_code, failed_at, requeued_at, requeued_job_id";

DeadLetterRecord readRow(Statement& s)
{
    DeadLetterRecord r;
    r.id = s.text(0);
    r.jobId = s.text(1);
    r.executionId = s.isNull(2) ? std::string() : s.text(2);
    r.kind = s.text(3);
    r.attempts = static_cast<int>(s.int64(4));
    r.lastError = s.text(5);
    r.errorCode = s.text(6);
    r.failedAtMillis = s.int64(7);
    r.requeuedAtMillis = s.int64(8);
    r.requeuedJobId = s.isNull(9) ? std::string() : s.text(9);
    return r;
}

} // namespace

void DeadLetterStore::insert(Connection& c, const DeadLetterRecord& r)
{
    auto s = c.prepare("INSERT INTO dead_letters (id, job_id, execution_id, kind, attempts, "
                       "last_error, error_code, failed_at) VALUES (?,?,?,?,?,?,?,?)");
    s.bind(1, r.id)
        .bind(2, r.jobId)
        .bindOptional(3, r.executionId)
        .bind(4, r.kind)
        .bind(5, r.attempts)
        .bind(6, r.lastError)
        .bind(7, r.errorCode)
        .bind(8, r.failedAtMillis);
    s.run();
}

std::optional<DeadLetterRecord> DeadLetterStore::find(Connection& c, const std::string& id)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM dead_letters WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

common::Result<Page<DeadLetterRecord>> DeadLetterStore::list(Connection& c, int pageSize,
                                                             const std::string& pageToken)
{
    Page<DeadLetterRecord> page;
    {
        auto count = c.prepare("SELECT COUNT(*) FROM dead_letters");
        page.totalCount = count.step() ? static_cast<int>(count.int64(0)) : 0;
    }
    std::int64_t at = INT64_MAX;
    std::string afterId;
    if (!pageToken.empty()) {
        auto token = PageToken::decode(pageToken, "dead_letters");
        bool valid = token.has_value();
        if (valid) {
            try {
                at = std::stoll(token->sortKey);
                afterId = token->id;
            } catch (...) {
                valid = false;
            }
        }
        if (!valid)
            return common::Error::invalid("pagination.page_token", "page_token.valid",
                                          "page_token is not a token returned by this listing");
    }
    auto s = c.prepare(std::string("SELECT ") + kColumns +
                       " FROM dead_letters WHERE (? = '' OR failed_at < ? OR (failed_at = ? AND "
                       "id < ?)) ORDER BY failed_at DESC, id DESC LIMIT ?");
    s.bind(1, afterId).bind(2, at).bind(3, at).bind(4, afterId).bind(5, pageSize + 1);
    while (s.step())
        page.items.push_back(readRow(s));
    if (static_cast<int>(page.items.size()) > pageSize) {
        page.items.pop_back();
        const auto& last = page.items.back();
        page.nextPageToken =
            PageToken{"dead_letters", std::to_string(last.failedAtMillis), last.id}.encode();
    }
    return page;
}

void DeadLetterStore::markRequeued(Connection& c, const std::string& id,
                                   const std::string& newJobId, std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE dead_letters SET requeued_at = ?, requeued_job_id = ? WHERE id = ?");
    s.bind(1, nowMillis).bind(2, newJobId).bind(3, id);
    s.run();
}

} // namespace builder::store
