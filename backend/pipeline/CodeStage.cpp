#include "CodeStage.h"

#include "ChangeRound.h"
#include "Prompts.h"
#include "core/EventRecorder.h"
#include "store/JournalKeys.h"

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using core::EventRecorder;

std::string CodeStage::stepKey(int index)
{
    return store::JournalKeys::stepDone(index);
}

common::Status CodeStage::run(RunContext& ctx)
{
    const auto plan = ctx.plan();
    const int total = plan.steps_size();
    for (int i = 0; i < total; ++i) {
        const auto key = stepKey(i);
        if (auto done = ChangeRound::journaled(ctx, key)) {
            ctx.headSha = done->sha;
            continue;
        }
        ctx.currentStep = i;
        if (auto status = ctx.ensureState(fv1::FEATURE_STATE_EXECUTING); !status.ok())
            return status;
        const auto& step = plan.steps(i);
        const float startPercent = 20.0f + 55.0f * static_cast<float>(i) / total;
        if (auto status = ctx.saveProgress(i, i, step.description(), startPercent); !status.ok())
            return status;
        auto payload = EventRecorder::payload({{"description", step.description()}});
        (*payload.mutable_fields())["step"].set_number_value(i);
        (void)ctx.event("step.started",
                        "Step " + std::to_string(i + 1) + " of " + std::to_string(total) + ": " +
                            step.description(),
                        payload);

        std::vector<std::string> files(step.target_files().begin(), step.target_files().end());
        for (const auto& f : ctx.impact.direct)
            files.push_back(f.path);
        const auto scope = store::JournalKeys::stepScope(i);
        auto request =
            Prompts::code(ctx.spec(), ctx.normalized, plan, i, ctx.fileContext(files), "");
        auto round = ChangeRound::run(
            ctx, key, scope, request, [&](store::Connection& c, const RoundCommit& r) {
                auto e = ctx.writer.load(c);
                auto* p = e.mutable_progress();
                p->set_total_steps(total);
                p->set_completed_steps(i + 1);
                p->set_current_step(i + 1 < total ? i + 1 : i);
                p->set_current_step_description(i + 1 < total ? plan.steps(i + 1).description()
                                                              : "verifying");
                p->set_percent_complete(20.0f + 55.0f * static_cast<float>(i + 1) / total);
                ctx.writer.save(c, e);
                ctx.execution = e;
                auto done = EventRecorder::payload({{"sha", r.sha}, {"summary", r.summary}});
                (*done.mutable_fields())["step"].set_number_value(i);
                ctx.writer.event(c, "step.completed",
                                 "Step " + std::to_string(i + 1) + " done: " + r.summary +
                                     (r.committed ? "" : " (no file changed)"),
                                 done);
            });
        if (!round.ok())
            return round.error();
    }
    return {};
}

} // namespace builder::pipeline
