#include "localize/Ranker.h"

#include <algorithm>
#include <cmath>

namespace builder::localize {

namespace {

bool rankable(ContentStatus status)
{
    return status != ContentStatus::Missing && status != ContentStatus::Submodule;
}

} // namespace

Ranking Ranker::rank(const RepositoryMap& map, const ScanResult& scan, const Query& query,
                     std::size_t topK, const Bm25Params& params)
{
    Ranking ranking;
    const std::size_t files = scan.files.size();
    const std::size_t terms = query.terms().size();
    ranking.totalFiles = files;

    // Corpus statistics: N, average field lengths, document frequencies.
    std::size_t n = 0;
    double lengthSum[kFieldCount] = {0, 0, 0};
    std::size_t contentDocs = 0;
    std::vector<std::size_t> df(terms, 0);
    for (std::size_t f = 0; f < files; ++f) {
        const ScannedFile& file = scan.files[f];
        if (!rankable(file.status))
            continue;
        ++n;
        if (file.status == ContentStatus::Indexed) {
            ++ranking.indexedFiles;
            ++contentDocs;
            lengthSum[kContentField] += file.length[kContentField];
        }
        lengthSum[kPathField] += file.length[kPathField];
        lengthSum[kSymbolField] += file.length[kSymbolField];
        for (std::size_t t = 0; t < terms; ++t) {
            if (scan.count(f, t, kPathField) + scan.count(f, t, kSymbolField) +
                    scan.count(f, t, kContentField) >
                0)
                ++df[t];
        }
    }
    if (n == 0 || terms == 0)
        return ranking;
    double average[kFieldCount];
    average[kPathField] = lengthSum[kPathField] / static_cast<double>(n);
    average[kSymbolField] = lengthSum[kSymbolField] / static_cast<double>(n);
    average[kContentField] =
        contentDocs > 0 ? lengthSum[kContentField] / static_cast<double>(contentDocs) : 0.0;
    std::vector<double> idf(terms, 0.0);
    for (std::size_t t = 0; t < terms; ++t) {
        const double d = static_cast<double>(df[t]);
        idf[t] = std::log(1.0 + (static_cast<double>(n) - d + 0.5) / (d + 0.5));
    }

    struct Scored
    {
        std::size_t file;
        double score;
    };
    std::vector<Scored> scored;
    for (std::size_t f = 0; f < files; ++f) {
        const ScannedFile& file = scan.files[f];
        if (!rankable(file.status))
            continue;
        double norm[kFieldCount];
        for (std::size_t field = 0; field < kFieldCount; ++field) {
            const double avg = average[field];
            norm[field] = avg > 0.0
                              ? 1.0 - params.b[field] + params.b[field] * file.length[field] / avg
                              : 1.0;
            if (norm[field] <= 0.0)
                norm[field] = 1.0;
        }
        double score = 0.0;
        for (std::size_t t = 0; t < terms; ++t) {
            if (df[t] == 0)
                continue;
            double pseudo = 0.0;
            for (std::size_t field = 0; field < kFieldCount; ++field) {
                const auto tf = scan.count(f, t, static_cast<Field>(field));
                if (tf > 0)
                    pseudo += params.weight[field] * tf / norm[field];
            }
            if (pseudo > 0.0)
                score += query.terms()[t].weight * idf[t] * pseudo * (params.k1 + 1.0) /
                         (params.k1 + pseudo);
        }
        if (score > 0.0)
            scored.push_back({f, score});
    }
    ranking.matchedFiles = scored.size();
    const auto better = [&](const Scored& a, const Scored& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return map.files()[a.file].path < map.files()[b.file].path;
    };
    const std::size_t keep = std::min(topK, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                      scored.end(), better);
    scored.resize(keep);

    for (const auto& [f, score] : scored) {
        const FileEntry& entry = map.files()[f];
        const ScannedFile& file = scan.files[f];
        RankedFile ranked;
        ranked.path = entry.path;
        ranked.score = score;
        ranked.language = entry.language;
        ranked.status = file.status;
        ranked.matchedSymbols = file.matchedSymbols;
        if (ranked.matchedSymbols.size() > Ranking::kMaxMatchedSymbols)
            ranked.matchedSymbols.resize(Ranking::kMaxMatchedSymbols);
        for (std::size_t t = 0; t < terms; ++t) {
            if (scan.count(f, t, kPathField) + scan.count(f, t, kSymbolField) +
                    scan.count(f, t, kContentField) >
                0)
                ranked.matchedTerms.push_back(query.terms()[t].text);
        }
        ranking.files.push_back(std::move(ranked));
    }
    return ranking;
}

} // namespace builder::localize
