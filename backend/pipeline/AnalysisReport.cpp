#include "AnalysisReport.h"

#include "store/Database.h"
#include "store/ExecutionRuntimeStore.h"
#include "store/JournalStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <sstream>

namespace builder::pipeline {

std::string AnalysisReport::markdown(RunContext& ctx, const git::DiffStat& stat,
                                     const std::vector<git::CommitSummary>& commits)
{
    const auto& spec = ctx.spec();
    std::ostringstream out;
    out << "# " << spec.title() << "\n\nExecution `" << ctx.execution.id() << "` on `"
        << ctx.repository.name() << "`, branch `" << spec.feature_branch() << "` from `"
        << spec.target_branch() << "` (" << ctx.baseSha.substr(0, 12) << ").\n\n";

    out << "## Normalised specification\n\n" << ctx.normalized.problemStatement << "\n\n";
    out << "Requirements:\n\n";
    for (const auto& r : ctx.normalized.requirements)
        out << "- " << r << "\n";
    out << "\nAcceptance criteria:\n\n";
    for (const auto& a : ctx.normalized.acceptanceCriteria)
        out << "- " << a << "\n";

    out << "\n## Impact\n\n";
    for (const auto& f : ctx.impact.direct)
        out << "- direct: `" << f.path << "` — " << f.reason << "\n";
    for (const auto& f : ctx.impact.indirect)
        out << "- indirect: `" << f.path << "` — " << f.reason << "\n";
    for (const auto& f : ctx.impact.newFiles)
        out << "- new: `" << f.path << "` — " << f.reason << "\n";

    out << "\n## Plan\n\n" << ctx.plan().summary() << "\n\n";
    for (const auto& s : ctx.plan().steps()) {
        out << s.index() + 1 << ". " << s.description() << " (";
        for (int i = 0; i < s.target_files_size(); ++i)
            out << (i ? ", " : "") << "`" << s.target_files(i) << "`";
        out << ")\n";
    }

    // Verification and review verdicts, in journal order.
    auto entries = ctx.writer.db()->read(
        [&](store::Connection& c)
            -> common::Result<std::vector<std::pair<std::string, std::string>>> {
            auto verify = store::JournalStore::listPrefix(c, ctx.execution.id(), "done/verify/");
            auto review = store::JournalStore::listPrefix(c, ctx.execution.id(), "done/review/");
            verify.insert(verify.end(), review.begin(), review.end());
            return verify;
        });
    out << "\n## Verification and review\n\n";
    if (entries.ok())
        for (const auto& [key, value] : entries.value()) {
            const auto o = QJsonDocument::fromJson(QByteArray::fromStdString(value)).object();
            out << "- `" << key.substr(5) << "`: " << o["summary"].toString().toStdString();
            if (o.contains("decision"))
                out << " (decision " << o["decision"].toString().toStdString() << ", risk "
                    << o["risk_score"].toInt() << ")";
            out << "\n";
        }

    out << "\n## Commits\n\n";
    for (const auto& c : commits)
        out << "- `" << c.sha.substr(0, 12) << "` " << c.subject << "\n";
    out << "\n"
        << stat.files << " file(s) changed, +" << stat.additions << " -" << stat.deletions
        << "\n\n";
    for (const auto& f : stat.perFile)
        out << "- `" << f.path << "` +" << f.additions << " -" << f.deletions << "\n";

    auto usage =
        ctx.writer.db()->read([&](store::Connection& c) -> common::Result<store::ExecutionUsage> {
            return store::ExecutionRuntimeStore::usage(c, ctx.execution.id());
        });
    if (usage.ok()) {
        char cost[32];
        std::snprintf(cost, sizeof cost, "$%.4f", static_cast<double>(usage->costMicros) / 1e6);
        out << "\n## LLM usage\n\n"
            << usage->llmCalls << " call(s), " << usage->tokensIn << " tokens in, "
            << usage->tokensOut << " tokens out, " << cost << ".\n";
    }
    return out.str();
}

} // namespace builder::pipeline
