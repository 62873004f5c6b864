#include "DeliveryStage.h"

#include "AnalysisReport.h"
#include "ArtifactFiles.h"
#include "UsageTotals.h"
#include "core/EventRecorder.h"
#include "core/EventTypes.h"
#include "git/Pusher.h"
#include "git/Workspace.h"
#include "queue/JobQueue.h"
#include "store/ArtifactStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using core::EventRecorder;

namespace {
constexpr const char* kPushKey = "done/push";
}

common::Status DeliveryStage::run(RunContext& ctx)
{
    auto& ws = *ctx.workspace;
    const auto& branch = ctx.spec().feature_branch();
    if (ctx.headSha == ctx.baseSha)
        return common::Error(common::StatusCode::FailedPrecondition,
                             "nothing to deliver: no step changed any file");

    if (!ctx.journal.get(kPushKey)) {
        if (auto stop = ctx.stopCheck(); !stop.ok())
            return stop;
        (void)ctx.saveProgress(ctx.plan().steps_size(), ctx.plan().steps_size(),
                               "pushing " + branch, 92.0f);
        (void)ctx.event("stage.started", "Pushing " + branch,
                        EventRecorder::payload({{"stage", "delivery"}}));
        // A lock on the branch left by a builderd that died mid-push (before this
        // one started) is stale; anything newer is someone else's.
        auto pushed =
            git::Pusher::push(ws.path(), ctx.repository.url(), ctx.credential, ctx.headSha, branch,
                              ctx.cancel, ctx.services.config.processStarted);
        if (!pushed.ok())
            return pushed.error();
        QJsonObject o{{"sha", QString::fromStdString(ctx.headSha)},
                      {"pushed", pushed->pushed},
                      {"already_there", pushed->alreadyThere}};
        auto written = ctx.writer.write([&](store::Connection& c) -> common::Status {
            ctx.journal.put(c, kPushKey,
                            QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
            ctx.writer.event(
                c, "delivery.pushed",
                (pushed->pushed ? "Pushed " : "Remote already had ") + branch + " at " +
                    ctx.headSha.substr(0, 12),
                EventRecorder::payload({{"branch", branch},
                                        {"sha", ctx.headSha},
                                        {"pushed", pushed->pushed ? "true" : "false"}}));
            return {};
        });
        if (!written.ok())
            return written;
    }

    auto stat = ws.diffStat(ctx.baseSha, ctx.headSha);
    if (!stat.ok())
        return stat.error();
    auto commits = ws.commitsBetween(ctx.baseSha, ctx.headSha);
    if (!commits.ok())
        return commits.error();
    auto patches = ws.formatPatch(ctx.baseSha, ctx.headSha);
    if (!patches.ok())
        return patches.error();
    const auto report = AnalysisReport::markdown(ctx, *stat, *commits);

    return ctx.writer.write([&](store::Connection& c) -> common::Status {
        if (auto s = ArtifactFiles::write(ctx, c, "patches.mbox", fv1::ARTIFACT_TYPE_PATCH,
                                          "application/mbox", patches.value());
            !s.ok())
            return s;
        if (auto s = ArtifactFiles::write(ctx, c, "analysis.md", fv1::ARTIFACT_TYPE_ANALYSIS_REPORT,
                                          "text/markdown; charset=utf-8", report);
            !s.ok())
            return s;
        std::string patchId;
        for (const auto& a : store::ArtifactStore::listForExecution(c, ctx.execution.id()))
            if (a.name == "patches.mbox")
                patchId = a.id;

        auto e = ctx.writer.load(c);
        auto* result = e.mutable_result();
        result->set_branch_name(branch);
        result->set_commit_sha(ctx.headSha);
        result->set_commit_count(static_cast<int>(commits->size()));
        result->set_files_changed(stat->files);
        result->set_lines_added(stat->additions);
        result->set_lines_removed(stat->deletions);
        // Signed when it is read (FeatureManager): URLs expire, the row does not.
        result->set_patch_url("artifact:" + patchId);
        result->set_summary(ctx.plan().summary());
        auto* p = e.mutable_progress();
        p->set_completed_steps(e.plan().steps_size());
        p->set_current_step_description("delivered");
        p->set_percent_complete(100.0f);
        ctx.writer.save(c, e);
        e = ctx.writer.transition(c, fv1::FEATURE_STATE_COMPLETED);
        ctx.execution = e;
        auto payload = EventRecorder::payload({{"branch", branch}, {"sha", ctx.headSha}});
        auto& fields = *payload.mutable_fields();
        fields["commits"].set_number_value(static_cast<double>(commits->size()));
        fields["files_changed"].set_number_value(stat->files);
        fields["lines_added"].set_number_value(stat->additions);
        fields["lines_removed"].set_number_value(stat->deletions);
        UsageTotals::addTo(c, ctx.execution.id(), payload);
        ctx.writer.event(c, core::EventTypes::kFeatureCompleted,
                         "Delivered " + branch + ": " + std::to_string(commits->size()) +
                             " commit(s), " + std::to_string(stat->files) + " file(s), +" +
                             std::to_string(stat->additions) + " -" +
                             std::to_string(stat->deletions),
                         payload);
        ctx.writer.jobs().complete(c, ctx.writer.lease());
        return {};
    });
}

} // namespace builder::pipeline
