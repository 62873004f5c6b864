#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// One human review round: the commit the pipeline stopped at for a person to
// approve, send back or reject, and what they decided.
struct ReviewRound
{
    std::string executionId;
    int round = 0;
    std::string baseSha;
    std::string headSha;
    std::string decision = "pending"; // pending | approved | changes_requested | rejected
    std::string decidedBy;
    std::string comment;
    std::int64_t decidedAtMillis = 0;
    std::int64_t createdAtMillis = 0;
};

// A reviewer's comment anchored to a line of the diff.
struct ReviewCommentRecord
{
    std::string id;
    std::string executionId;
    int round = 0;
    std::string file;
    int line = 0;
    int side = 2; // feature.review.v1.CommentSide: 1 old, 2 new
    std::string body;
    std::string author;
    std::int64_t createdAtMillis = 0;
};

class ReviewRoundStore
{
public:
    // Inserts the round (a repeat of the same round keeps the first row).
    static void open(Connection& c, const ReviewRound& round);
    static std::optional<ReviewRound> find(Connection& c, const std::string& executionId,
                                           int round);
    // The newest round of an execution.
    static std::optional<ReviewRound> latest(Connection& c, const std::string& executionId);
    // Records a decision on a pending round; false when it was no longer pending.
    static bool decide(Connection& c, const std::string& executionId, int round,
                       const std::string& decision, const std::string& by,
                       const std::string& comment, std::int64_t nowMillis);

    static void addComment(Connection& c, const ReviewCommentRecord& comment);
    // Every comment of an execution, oldest first; round < 0: all rounds.
    static std::vector<ReviewCommentRecord> comments(Connection& c, const std::string& executionId,
                                                     int round = -1);
};

} // namespace builder::store
