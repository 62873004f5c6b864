#include "ReviewRoundStore.h"

#include "Connection.h"

namespace builder::store {

namespace {

constexpr const char* kRoundColumns = "execution_id, round, base_sha, head_sha, decision, "
                                      "decided_by, comment, decided_at, created_at";

ReviewRound readRound(Statement& s)
{
    ReviewRound r;
    r.executionId = s.text(0);
    r.round = static_cast<int>(s.int64(1));
    r.baseSha = s.text(2);
    r.headSha = s.text(3);
    r.decision = s.text(4);
    r.decidedBy = s.text(5);
    r.comment = s.text(6);
    r.decidedAtMillis = s.int64(7);
    r.createdAtMillis = s.int64(8);
    return r;
}

} // namespace

void ReviewRoundStore::open(Connection& c, const ReviewRound& r)
{
    auto s = c.prepare("INSERT INTO review_rounds (execution_id, round, base_sha, head_sha, "
                       "created_at) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING");
    s.bind(1, r.executionId).bind(2, r.round).bind(3, r.baseSha).bind(4, r.headSha);
    s.bind(5, r.createdAtMillis);
    s.run();
}

std::optional<ReviewRound> ReviewRoundStore::find(Connection& c, const std::string& executionId,
                                                  int round)
{
    auto s = c.prepare(std::string("SELECT ") + kRoundColumns +
                       " FROM review_rounds WHERE execution_id = ? AND round = ?");
    s.bind(1, executionId).bind(2, round);
    if (!s.step())
        return std::nullopt;
    return readRound(s);
}

std::optional<ReviewRound> ReviewRoundStore::latest(Connection& c, const std::string& executionId)
{
    auto s = c.prepare(std::string("SELECT ") + kRoundColumns +
                       " FROM review_rounds WHERE execution_id = ? ORDER BY round DESC LIMIT 1");
    s.bind(1, executionId);
    if (!s.step())
        return std::nullopt;
    return readRound(s);
}

bool ReviewRoundStore::decide(Connection& c, const std::string& executionId, int round,
                              const std::string& decision, const std::string& by,
                              const std::string& comment, std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE review_rounds SET decision = ?, decided_by = ?, comment = ?, "
                       "decided_at = ? WHERE execution_id = ? AND round = ? AND "
                       "decision = 'pending'");
    s.bind(1, decision).bind(2, by).bind(3, comment).bind(4, nowMillis);
    s.bind(5, executionId).bind(6, round);
    s.run();
    return c.changes() == 1;
}

void ReviewRoundStore::addComment(Connection& c, const ReviewCommentRecord& r)
{
    auto s = c.prepare("INSERT INTO review_comments (id, execution_id, round, file, line, side, "
                       "body, author, created_at) VALUES (?,?,?,?,?,?,?,?,?)");
    s.bind(1, r.id).bind(2, r.executionId).bind(3, r.round).bind(4, r.file).bind(5, r.line);
    s.bind(6, r.side).bind(7, r.body).bind(8, r.author).bind(9, r.createdAtMillis);
    s.run();
}

std::vector<ReviewCommentRecord>
ReviewRoundStore::comments(Connection& c, const std::string& executionId, int round)
{
    auto s = c.prepare("SELECT id, execution_id, round, file, line, side, body, author, "
                       "created_at FROM review_comments WHERE execution_id = ? AND "
                       "(? < 0 OR round = ?) ORDER BY created_at, rowid");
    s.bind(1, executionId).bind(2, round).bind(3, round);
    std::vector<ReviewCommentRecord> out;
    while (s.step()) {
        ReviewCommentRecord r;
        r.id = s.text(0);
        r.executionId = s.text(1);
        r.round = static_cast<int>(s.int64(2));
        r.file = s.text(3);
        r.line = static_cast<int>(s.int64(4));
        r.side = static_cast<int>(s.int64(5));
        r.body = s.text(6);
        r.author = s.text(7);
        r.createdAtMillis = s.int64(8);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace builder::store
