#include "NormalizeSpecStage.h"

#include "Prompts.h"
#include "StageParsers.h"
#include "core/EventRecorder.h"
#include "llm/StructuredCaller.h"
#include "store/JournalKeys.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;

namespace {
constexpr const char* kKey = store::JournalKeys::kNormalizeDone;
}

common::Status NormalizeSpecStage::run(RunContext& ctx)
{
    if (auto journaled = ctx.journal.get(kKey)) {
        ctx.normalized = StageParsers::normalizedSpec(
            QJsonDocument::fromJson(QByteArray::fromStdString(*journaled)).object());
        return {};
    }
    if (auto status = ctx.ensureState(fv1::FEATURE_STATE_ANALYZING); !status.ok())
        return status;
    (void)ctx.event("stage.started", "Normalizing the specification",
                    core::EventRecorder::payload({{"stage", "normalize_spec"}}));
    llm::StructuredCaller caller(ctx.provider("spec"));
    auto answer =
        caller.call(Prompts::normalizeSpec(ctx.spec(), ctx.repository.name()), ctx.cancel);
    if (!answer.ok())
        return answer.error();
    ctx.normalized = StageParsers::normalizedSpec(answer->value);
    const auto& n = ctx.normalized;
    return ctx.writer.write([&](store::Connection& c) -> common::Status {
        ctx.journal.put(c, kKey, answer->json);
        auto payload = core::EventRecorder::payload(
            {{"stage", "normalize_spec"}, {"problem_statement", n.problemStatement}});
        auto& fields = *payload.mutable_fields();
        fields["requirements"].set_number_value(static_cast<double>(n.requirements.size()));
        fields["acceptance_criteria"].set_number_value(
            static_cast<double>(n.acceptanceCriteria.size()));
        ctx.writer.event(c, "spec.normalized",
                         std::to_string(n.requirements.size()) + " requirements, " +
                             std::to_string(n.acceptanceCriteria.size()) + " acceptance criteria",
                         payload);
        return {};
    });
}

} // namespace builder::pipeline
