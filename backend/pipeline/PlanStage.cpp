#include "PlanStage.h"

#include "Prompts.h"
#include "StageParsers.h"
#include "core/EventRecorder.h"
#include "llm/StructuredCaller.h"
#include "store/JournalKeys.h"

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;

namespace {
constexpr const char* kKey = store::JournalKeys::kPlanDone;
}

common::Status PlanStage::run(RunContext& ctx)
{
    if (ctx.journal.get(kKey))
        return {}; // the plan is on the execution row, committed with this entry
    if (auto status = ctx.ensureState(fv1::FEATURE_STATE_PLANNING); !status.ok())
        return status;
    (void)ctx.event("stage.started", "Planning the implementation",
                    core::EventRecorder::payload({{"stage", "generate_plan"}}));
    std::vector<std::string> files;
    for (const auto& f : ctx.impact.direct)
        files.push_back(f.path);
    const int maxSteps = ctx.spec().constraints().max_steps();
    llm::StructuredCaller caller(ctx.provider("plan"));
    auto answer = caller.call(
        Prompts::plan(ctx.spec(), ctx.normalized, ctx.impact, ctx.fileContext(files)), ctx.cancel);
    if (!answer.ok())
        return answer.error();
    auto plan = StageParsers::plan(answer->value, maxSteps);
    if (!plan.ok())
        return plan.error();

    return ctx.writer.write([&](store::Connection& c) -> common::Status {
        auto e = ctx.writer.load(c);
        *e.mutable_plan() = plan.value();
        auto* progress = e.mutable_progress();
        progress->set_total_steps(plan->steps_size());
        progress->set_completed_steps(0);
        progress->set_current_step(0);
        progress->set_current_step_description(plan->steps(0).description());
        progress->set_percent_complete(20.0f);
        ctx.writer.save(c, e);
        ctx.execution = e;
        ctx.journal.put(c, kKey, answer->json);
        auto payload = core::EventRecorder::payload({{"summary", plan->summary()}});
        (*payload.mutable_fields())["steps"].set_number_value(plan->steps_size());
        std::string steps;
        for (const auto& s : plan->steps())
            steps += "\n  " + std::to_string(s.index() + 1) + ". " + s.description();
        ctx.writer.event(c, "plan.created",
                         "Plan with " + std::to_string(plan->steps_size()) +
                             " step(s): " + plan->summary() + steps,
                         payload);
        return {};
    });
}

} // namespace builder::pipeline
