#include "ChangeRound.h"

#include "EditRound.h"
#include "core/EventRecorder.h"
#include "git/Workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace builder::pipeline {

namespace {

std::string encode(const RoundCommit& r)
{
    QJsonObject o{{"sha", QString::fromStdString(r.sha)},
                  {"summary", QString::fromStdString(r.summary)},
                  {"committed", r.committed},
                  {"files", r.filesChanged},
                  {"additions", r.additions},
                  {"deletions", r.deletions}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

std::optional<RoundCommit> ChangeRound::journaled(RunContext& ctx, const std::string& key)
{
    auto text = ctx.journal.get(key);
    if (!text)
        return std::nullopt;
    const auto o = QJsonDocument::fromJson(QByteArray::fromStdString(*text)).object();
    RoundCommit r;
    r.sha = o["sha"].toString().toStdString();
    r.summary = o["summary"].toString().toStdString();
    r.committed = o["committed"].toBool();
    r.filesChanged = o["files"].toInt();
    r.additions = o["additions"].toInt();
    r.deletions = o["deletions"].toInt();
    return r;
}

common::Result<RoundCommit> ChangeRound::run(RunContext& ctx, const std::string& key,
                                             const std::string& scope,
                                             const llm::CompletionRequest& request,
                                             const OnCommitted& onCommitted)
{
    if (auto done = journaled(ctx, key)) {
        ctx.headSha = done->sha;
        return *done;
    }
    auto& ws = *ctx.workspace;
    if (auto reset = ctx.resetToHead(); !reset.ok())
        return reset.error();
    ctx.cleanAt.clear(); // edits are about to land
    auto change = EditRound::run(ctx, scope, request);
    if (!change.ok()) {
        (void)ctx.resetToHead();
        return change.error();
    }

    RoundCommit round;
    round.summary = change->summary;
    const std::string message =
        (change->commitMessage.empty() ? change->summary : change->commitMessage) +
        "\n\nBuilder-Execution: " + ctx.execution.id() + "\nBuilder-Round: " + key + "\n";
    const auto& config = ctx.services.config;
    auto commit = ws.commitAll(message, {config.authorName, config.authorEmail});
    if (commit.ok()) {
        round.sha = commit->sha;
        round.committed = true;
        round.filesChanged = commit->filesChanged;
        round.additions = commit->additions;
        round.deletions = commit->deletions;
    } else if (commit.error().code() == common::StatusCode::FailedPrecondition) {
        round.sha = ctx.headSha; // the edits left every file as it was
    } else {
        return commit.error();
    }

    auto written = ctx.writer.write([&](store::Connection& c) -> common::Status {
        ctx.journal.put(c, key, encode(round));
        if (round.committed) {
            auto payload = core::EventRecorder::payload(
                {{"sha", round.sha}, {"round", key}, {"summary", round.summary}});
            auto& fields = *payload.mutable_fields();
            fields["files_changed"].set_number_value(round.filesChanged);
            fields["additions"].set_number_value(round.additions);
            fields["deletions"].set_number_value(round.deletions);
            ctx.writer.event(c, "commit.created",
                             "Committed " + round.sha.substr(0, 12) + ": " + round.summary + " (" +
                                 std::to_string(round.filesChanged) + " files, +" +
                                 std::to_string(round.additions) + " -" +
                                 std::to_string(round.deletions) + ")",
                             payload);
        }
        if (onCommitted)
            onCommitted(c, round);
        return {};
    });
    if (!written.ok())
        return written.error();
    ctx.headSha = round.sha;
    // A commit of everything leaves the tree as the commit says (ignored files aside).
    ctx.cleanAt = round.committed ? round.sha : std::string();
    return round;
}

} // namespace builder::pipeline
