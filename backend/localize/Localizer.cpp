#include "localize/Localizer.h"

#include "localize/ExcerptSelector.h"
#include "localize/FileScanner.h"
#include "localize/Query.h"
#include "localize/Ranker.h"
#include "localize/RepositoryMap.h"

#include <chrono>

namespace builder::localize {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool blank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

} // namespace

common::Result<LocalizeResult> Localizer::localize(const LocalizeRequest& request,
                                                   const common::CancelToken& cancel)
{
    if (blank(request.root))
        return common::Error::invalid("root", "string.not_blank",
                                      "root must name a repository folder");
    if (blank(request.query))
        return common::Error::invalid("query", "string.not_blank", "query must not be empty");
    if (request.topK < 1)
        return common::Error::invalid("top_k", "int32.gte", "top_k must be at least 1");
    if (request.topK > LocalizeRequest::kMaxTopK)
        return common::Error::invalid("top_k", "int32.lte",
                                      "top_k must be at most " +
                                          std::to_string(LocalizeRequest::kMaxTopK));
    const auto total = Clock::now();
    const Query query = Query::parse(request.query);
    if (query.empty())
        return common::Error::invalid("query", "query.searchable_terms",
                                      "query has no searchable terms (only stop words, numbers "
                                      "or punctuation)");

    LocalizeResult result;
    auto start = Clock::now();
    auto map = RepositoryMap::build(request.root);
    if (!map.ok())
        return map.error();
    result.timings.listingMs = msSince(start);
    result.root = map->root();
    result.git = map->isGit();
    if (cancel.cancelled())
        return *cancel.reason();

    ScanOptions options;
    options.maxFileBytes = request.maxFileBytes;
    options.symbols = request.symbols;
    options.cacheDir = request.cacheDir;
    options.cacheScope = request.cacheScope;
    options.threads = request.threads;
    start = Clock::now();
    auto scan = FileScanner::scan(*map, query, options, cancel);
    if (!scan.ok())
        return scan.error();
    result.timings.scanMs = msSince(start);
    result.timings.scan = scan->timings;
    result.symbolSource = scan->symbolSource;
    result.cacheHits = scan->cacheHits;
    result.cacheMisses = scan->cacheMisses;
    for (const auto& file : scan->files) {
        if (file.status != ContentStatus::Indexed)
            ++result.skipped[std::string(contentStatusName(file.status))];
    }

    start = Clock::now();
    result.ranking = Ranker::rank(*map, *scan, query, request.topK);
    result.timings.rankingMs = msSince(start);

    start = Clock::now();
    result.excerpts =
        ExcerptSelector::select(result.ranking, map->root(), request.topK, request.tokenBudget);
    for (std::size_t i = 0; i < result.excerpts.costs.size(); ++i)
        result.ranking.files[i].fileTokens = result.excerpts.costs[i].fileTokens;
    result.timings.excerptsMs = msSince(start);
    result.timings.totalMs = msSince(total);
    result.ranking.elapsedMs = result.timings.totalMs;
    return result;
}

} // namespace builder::localize
