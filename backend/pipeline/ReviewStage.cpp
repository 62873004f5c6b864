#include "ReviewStage.h"

#include "core/EventRecorder.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;

common::Result<ReviewVerdict> ReviewStage::run(RunContext& ctx, int round)
{
    const auto key = "done/review/" + std::to_string(round);
    if (auto journaled = ctx.journal.get(key)) {
        const auto o = QJsonDocument::fromJson(QByteArray::fromStdString(*journaled)).object();
        ReviewVerdict v;
        v.decision = o["decision"].toString().toStdString();
        v.riskScore = o["risk_score"].toInt();
        v.findings = o["findings"].toInt();
        v.summary = o["summary"].toString().toStdString();
        v.feedback = o["feedback"].toString().toStdString();
        v.reportJson = o["report"].toString().toStdString();
        return v;
    }
    if (auto status = ctx.ensureState(fv1::FEATURE_STATE_VERIFYING); !status.ok())
        return status.error();
    ReviewVerdict verdict;
    if (ctx.services.review) {
        auto reviewed =
            ctx.services.review->review(ctx, round, round, ctx.services.config.maxReviewIterations);
        if (!reviewed.ok())
            return reviewed.error();
        verdict = reviewed.value();
    } else {
        verdict.summary = "pass-through: no automated reviewer is configured in this builderd, "
                          "so the diff was not reviewed";
    }
    QJsonObject o{{"decision", QString::fromStdString(verdict.decision)},
                  {"risk_score", verdict.riskScore},
                  {"findings", verdict.findings},
                  {"summary", QString::fromStdString(verdict.summary)},
                  {"feedback", QString::fromStdString(verdict.feedback)},
                  {"report", QString::fromStdString(verdict.reportJson)}};
    auto written = ctx.writer.write([&](store::Connection& c) -> common::Status {
        ctx.journal.put(c, key, QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString());
        auto payload = core::EventRecorder::payload(
            {{"decision", verdict.decision}, {"summary", verdict.summary}});
        auto& fields = *payload.mutable_fields();
        fields["risk_score"].set_number_value(verdict.riskScore);
        fields["findings"].set_number_value(verdict.findings);
        fields["round"].set_number_value(round);
        fields["pass_through"].set_bool_value(ctx.services.review == nullptr);
        ctx.writer.event(c, "review.completed",
                         "Review: " + verdict.decision + " (risk " +
                             std::to_string(verdict.riskScore) + ", " +
                             std::to_string(verdict.findings) + " finding(s)) — " + verdict.summary,
                         payload);
        return {};
    });
    if (!written.ok())
        return written.error();
    return verdict;
}

} // namespace builder::pipeline
