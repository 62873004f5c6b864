#include "LocalizeView.h"

#include "Table.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace builder::ctl {

namespace {

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Milliseconds rounded to 0.1: figures, not noise.
double tenths(double ms)
{
    return static_cast<double>(static_cast<long long>(ms * 10.0 + 0.5)) / 10.0;
}

} // namespace

std::string LocalizeView::table(const localize::LocalizeResult& result)
{
    Table table({"RANK", "SCORE", "PATH", "SYMBOLS", "TOKENS"});
    table.setMaxWidth(2, 60);
    table.setMaxWidth(3, 40);
    const auto& files = result.ranking.files;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string symbols;
        for (const auto& symbol : files[i].matchedSymbols)
            symbols += (symbols.empty() ? "" : ", ") + symbol.name;
        const std::uint64_t tokens =
            i < result.excerpts.costs.size() ? result.excerpts.costs[i].excerptTokens : 0;
        table.addRow({std::to_string(i + 1), fixed(files[i].score, 3), files[i].path,
                      symbols.empty() ? "-" : symbols, std::to_string(tokens)});
    }
    std::string out = table.rowCount() > 0 ? table.toString() : std::string();
    out += std::to_string(result.ranking.matchedFiles) + " of " +
           std::to_string(result.ranking.totalFiles) + " files matched (" +
           std::to_string(result.ranking.indexedFiles) +
           " indexed); excerpts: " + std::to_string(result.excerpts.tokensUsed) + " of " +
           std::to_string(result.excerpts.tokenBudget) + " tokens in " +
           std::to_string(result.excerpts.filesShown) + " files; " +
           fixed(result.timings.totalMs, 0) + " ms\n";
    return out;
}

std::string LocalizeView::json(const localize::LocalizeResult& result)
{
    QJsonArray files;
    const auto& ranked = result.ranking.files;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const auto& file = ranked[i];
        QJsonArray terms;
        for (const auto& term : file.matchedTerms)
            terms.append(q(term));
        QJsonArray symbols;
        for (const auto& symbol : file.matchedSymbols)
            symbols.append(QJsonObject{{"name", q(symbol.name)},
                                       {"kind", q(localize::symbolKindName(symbol.kind))},
                                       {"line", static_cast<qint64>(symbol.line)}});
        const std::uint64_t excerptTokens =
            i < result.excerpts.costs.size() ? result.excerpts.costs[i].excerptTokens : 0;
        files.append(QJsonObject{
            {"rank", static_cast<qint64>(i + 1)},
            {"path", q(file.path)},
            {"score", file.score},
            {"language", q(localize::languageName(file.language))},
            {"content", q(localize::contentStatusName(file.status))},
            {"matched_terms", terms},
            {"matched_symbols", symbols},
            {"file_tokens", static_cast<qint64>(file.fileTokens)},
            {"excerpt_tokens", static_cast<qint64>(excerptTokens)},
        });
    }
    QJsonArray excerpts;
    for (const auto& excerpt : result.excerpts.excerpts)
        excerpts.append(QJsonObject{{"path", q(excerpt.path)},
                                    {"start_line", static_cast<qint64>(excerpt.startLine)},
                                    {"end_line", static_cast<qint64>(excerpt.endLine)},
                                    {"tokens", static_cast<qint64>(excerpt.tokens)},
                                    {"text", q(excerpt.text)}});
    QJsonObject skipped;
    for (const auto& [status, count] : result.skipped)
        skipped.insert(q(status), static_cast<qint64>(count));
    const auto& t = result.timings;
    const QJsonObject document{
        {"root", q(result.root)},
        {"git", result.git},
        {"total_files", static_cast<qint64>(result.ranking.totalFiles)},
        {"indexed_files", static_cast<qint64>(result.ranking.indexedFiles)},
        {"matched_files", static_cast<qint64>(result.ranking.matchedFiles)},
        {"not_indexed", skipped},
        {"symbol_source", q(result.symbolSource)},
        {"cache", QJsonObject{{"hits", static_cast<qint64>(result.cacheHits)},
                              {"misses", static_cast<qint64>(result.cacheMisses)}}},
        {"files", files},
        {"excerpts", QJsonObject{{"token_budget", static_cast<qint64>(result.excerpts.tokenBudget)},
                                 {"tokens_used", static_cast<qint64>(result.excerpts.tokensUsed)},
                                 {"files_shown", static_cast<qint64>(result.excerpts.filesShown)},
                                 {"items", excerpts}}},
        {"elapsed_ms", tenths(result.ranking.elapsedMs)},
        {"timings_ms", QJsonObject{{"listing", tenths(t.listingMs)},
                                   {"scan", tenths(t.scanMs)},
                                   {"cache_load", tenths(t.scan.cacheLoadMs)},
                                   {"ctags", tenths(t.scan.ctagsMs)},
                                   {"cache_save", tenths(t.scan.cacheSaveMs)},
                                   {"ranking", tenths(t.rankingMs)},
                                   {"excerpts", tenths(t.excerptsMs)}}},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Compact).toStdString() + "\n";
}

} // namespace builder::ctl
