#include "ReviewDiffReader.h"

#include "DiffProto.h"
#include "ReviewJournal.h"
#include "common/diff/DiffParser.h"
#include "git/Workspace.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/ReviewRoundStore.h"
#include "store/Timestamps.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace builder::core {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;
using common::Error;
using common::Result;

namespace {

// What the database says about the diff, read in one transaction.
struct Snapshot
{
    fv1::FeatureState state = fv1::FEATURE_STATE_UNSPECIFIED;
    std::optional<store::ReviewRound> round;
    rv1::GetDiffResponse response; // findings, score, decision, comments so far
};

void addComment(const store::ReviewCommentRecord& r, rv1::GetDiffResponse* out)
{
    auto* c = out->add_comments();
    c->set_id(r.id);
    c->set_file(r.file);
    c->set_line(r.line);
    c->set_side(rv1::CommentSide_IsValid(r.side) ? static_cast<rv1::CommentSide>(r.side)
                                                 : rv1::COMMENT_SIDE_NEW);
    c->set_body(r.body);
    c->set_author(r.author);
    store::Timestamps::fromMillis(r.createdAtMillis, c->mutable_created_at());
}

std::string stateName(fv1::FeatureState state)
{
    return fv1::FeatureState_Name(state);
}

} // namespace

ReviewDiffReader::ReviewDiffReader(std::shared_ptr<store::Database> db,
                                   std::filesystem::path workspacesDir)
    : m_db(std::move(db)), m_workspacesDir(std::move(workspacesDir))
{}

Result<rv1::GetDiffResponse> ReviewDiffReader::read(const std::string& executionId) const
{
    auto snapshot = m_db->read([&](store::Connection& c) -> Result<Snapshot> {
        auto record = store::ExecutionStore::findById(c, executionId);
        if (!record)
            return Error::notFound("feature execution " + executionId + " not found");
        Snapshot s;
        s.state = record->execution.state();
        s.round = store::ReviewRoundStore::latest(c, executionId);
        // The findings belong to the review that opened the round; before any
        // round, to the newest automated review there is.
        ReviewJournal::readInto(c, executionId, s.round ? s.round->round : -1, &s.response);
        // Oldest first; the comments of one request (same time) by place.
        auto comments = store::ReviewRoundStore::comments(c, executionId);
        std::stable_sort(comments.begin(), comments.end(), [](const auto& a, const auto& b) {
            return std::tie(a.createdAtMillis, a.file, a.line) <
                   std::tie(b.createdAtMillis, b.file, b.line);
        });
        for (const auto& comment : comments)
            addComment(comment, &s.response);
        return s;
    });
    if (!snapshot.ok())
        return snapshot.error();
    auto& s = snapshot.value();

    const auto dir = m_workspacesDir / executionId;
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        if (s.round)
            return Error::failedPrecondition(
                "the workspace of feature execution " + executionId + " was removed (it is " +
                stateName(s.state) +
                "); the diff under review is no longer available here, its patch artifact "
                "still has it");
        return Error::failedPrecondition("feature execution " + executionId +
                                         " has no diff yet: "
                                         "it is " +
                                         stateName(s.state) + " and its workspace does not exist");
    }
    auto workspace = git::Workspace::open(dir.string());
    if (!workspace.ok())
        return Error::failedPrecondition("the workspace of feature execution " + executionId +
                                         " cannot be read: " + workspace.error().message());
    auto& response = s.response;
    if (s.round) {
        response.set_base_sha(s.round->baseSha);
        response.set_head_sha(s.round->headSha);
    } else {
        auto base = workspace->baseSha();
        auto head = workspace->headSha();
        if (!base.ok() || !head.ok())
            return Error::failedPrecondition("feature execution " + executionId +
                                             " has no diff yet: its workspace has no " +
                                             (base.ok() ? "HEAD commit" : "base commit") +
                                             " (it is " + stateName(s.state) + ")");
        response.set_base_sha(base.value());
        response.set_head_sha(head.value());
    }
    auto text = workspace->diff(response.base_sha(), response.head_sha());
    if (!text.ok())
        return Error(text.error().code() == common::StatusCode::NotFound
                         ? common::StatusCode::FailedPrecondition
                         : text.error().code(),
                     "cannot compute the diff " + response.base_sha().substr(0, 12) + ".." +
                         response.head_sha().substr(0, 12) + " of feature execution " +
                         executionId + ": " + text.error().message());
    auto parsed = common::diff::DiffParser::parse(text.value());
    if (!parsed.ok())
        return Error::internal("the workspace's diff of feature execution " + executionId +
                               " does not parse: " + parsed.error().message());
    DiffProto::toProto(parsed.value(), response.mutable_files());
    return std::move(response);
}

} // namespace builder::core
