#include "AnalyzeImpactStage.h"

#include "Prompts.h"
#include "StageParsers.h"
#include "core/EventRecorder.h"
#include "llm/StructuredCaller.h"
#include "localize/Localizer.h"
#include "store/JournalKeys.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>
#include <set>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using core::EventRecorder;

namespace {

constexpr const char* kKey = store::JournalKeys::kImpactDone;

// Keeps the files that exist in the worktree or were ranked; returns the dropped ones.
std::vector<std::string> keepKnown(std::vector<ImpactedFile>& files,
                                   const std::set<std::string>& ranked,
                                   const std::filesystem::path& root)
{
    std::vector<std::string> dropped;
    std::vector<ImpactedFile> kept;
    for (auto& f : files) {
        std::error_code ec;
        if (ranked.count(f.path) || std::filesystem::is_regular_file(root / f.path, ec))
            kept.push_back(std::move(f));
        else
            dropped.push_back(f.path);
    }
    files = std::move(kept);
    return dropped;
}

} // namespace

common::Status AnalyzeImpactStage::run(RunContext& ctx)
{
    if (auto journaled = ctx.journal.get(kKey)) {
        ctx.impact = StageParsers::impact(
            QJsonDocument::fromJson(QByteArray::fromStdString(*journaled)).object());
        return {};
    }
    if (auto status = ctx.ensureState(fv1::FEATURE_STATE_ANALYZING); !status.ok())
        return status;
    (void)ctx.event("stage.started", "Ranking the repository's files against the spec",
                    EventRecorder::payload({{"stage", "analyze_impact"}}));

    localize::LocalizeRequest request;
    request.root = ctx.worktreeDir().string();
    request.query = ctx.normalized.queryText(ctx.spec().title());
    request.topK = static_cast<std::size_t>(ctx.services.config.localizeTopK);
    request.tokenBudget = static_cast<std::uint64_t>(ctx.services.config.localizeTokenBudget);
    request.cacheDir = (ctx.services.config.cacheDir() / "localize").string();
    // Each execution has its own worktree: one cache per repository, not per worktree.
    request.cacheScope = ctx.repository.id();
    auto localized = localize::Localizer::localize(request, ctx.cancel);
    if (!localized.ok())
        return localized.error();

    std::set<std::string> ranked;
    std::string top;
    for (const auto& f : localized->ranking.files) {
        ranked.insert(f.path);
        if (ranked.size() <= 5)
            top += (top.empty() ? "" : ", ") + f.path;
    }
    {
        auto payload = EventRecorder::payload({{"stage", "analyze_impact"}, {"top", top}});
        auto& fields = *payload.mutable_fields();
        fields["total_files"].set_number_value(static_cast<double>(localized->ranking.totalFiles));
        fields["ranked_files"].set_number_value(static_cast<double>(ranked.size()));
        fields["excerpt_tokens"].set_number_value(
            static_cast<double>(localized->excerpts.tokensUsed));
        fields["elapsed_ms"].set_number_value(localized->timings.totalMs);
        (void)ctx.event("impact.ranked",
                        "Ranked " + std::to_string(localized->ranking.totalFiles) +
                            " files; best: " + (top.empty() ? "none" : top),
                        payload);
    }

    llm::StructuredCaller caller(ctx.provider("impact"));
    auto answer =
        caller.call(Prompts::analyzeImpact(ctx.spec(), ctx.normalized, *localized), ctx.cancel);
    if (!answer.ok())
        return answer.error();
    ctx.impact = StageParsers::impact(answer->value);
    auto dropped = keepKnown(ctx.impact.direct, ranked, ctx.worktreeDir());
    auto droppedIndirect = keepKnown(ctx.impact.indirect, ranked, ctx.worktreeDir());
    dropped.insert(dropped.end(), droppedIndirect.begin(), droppedIndirect.end());

    return ctx.writer.write([&](store::Connection& c) -> common::Status {
        ctx.journal.put(c, kKey, StageParsers::toJson(ctx.impact));
        std::string direct;
        for (const auto& f : ctx.impact.direct)
            direct += (direct.empty() ? "" : ", ") + f.path;
        auto payload = EventRecorder::payload({{"stage", "analyze_impact"}, {"direct", direct}});
        auto& fields = *payload.mutable_fields();
        fields["direct_count"].set_number_value(static_cast<double>(ctx.impact.direct.size()));
        fields["indirect_count"].set_number_value(static_cast<double>(ctx.impact.indirect.size()));
        fields["new_count"].set_number_value(static_cast<double>(ctx.impact.newFiles.size()));
        ctx.writer.event(c, "impact.analyzed",
                         std::to_string(ctx.impact.direct.size()) + " direct, " +
                             std::to_string(ctx.impact.indirect.size()) + " indirect, " +
                             std::to_string(ctx.impact.newFiles.size()) + " new file(s)" +
                             (direct.empty() ? "" : ": " + direct),
                         payload);
        if (!dropped.empty()) {
            std::string names;
            for (const auto& d : dropped)
                names += (names.empty() ? "" : ", ") + d;
            ctx.writer.event(c, "impact.files_dropped",
                             "Ignored files the model named that do not exist: " + names);
        }
        return {};
    });
}

} // namespace builder::pipeline
