#include "localize/ExcerptSelector.h"

#include "localize/FileReader.h"
#include "localize/TokenEstimator.h"
#include "localize/Tokenizer.h"

#include <algorithm>
#include <unordered_set>

namespace builder::localize {

namespace {

struct Region
{
    std::uint32_t first = 0; // 0-based line indices, inclusive
    std::uint32_t last = 0;
    double weight = 0.0;
};

std::vector<std::string_view> splitLines(std::string_view content)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < content.size()) {
        const auto end = content.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(content.substr(start));
            break;
        }
        lines.push_back(content.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Hits become regions; overlapping or touching regions merge and add up.
std::vector<Region> regionsOf(const RankedFile& file, const std::vector<std::string_view>& lines)
{
    std::vector<Region> hits;
    const auto count = static_cast<std::uint32_t>(lines.size());
    if (count == 0)
        return hits;
    auto region = [&](std::uint32_t line, std::uint32_t after, double weight) {
        const std::uint32_t first =
            line > ExcerptSelector::kLinesBefore ? line - ExcerptSelector::kLinesBefore : 0;
        hits.push_back({first, std::min(count - 1, line + after), weight});
    };
    for (const auto& symbol : file.matchedSymbols) {
        if (symbol.line >= 1 && symbol.line <= count)
            region(symbol.line - 1, ExcerptSelector::kSymbolLinesAfter, 3.0);
    }
    std::unordered_set<std::uint64_t> terms;
    for (const auto& term : file.matchedTerms)
        terms.insert(termHash(term));
    for (std::uint32_t i = 0; i < count; ++i) {
        std::unordered_set<std::uint64_t> found;
        Tokenizer::forEachTerm(lines[i], true, [&](std::uint64_t hash, std::string_view) {
            if (terms.count(hash) != 0)
                found.insert(hash);
        });
        if (!found.empty())
            region(i, ExcerptSelector::kTermLinesAfter, static_cast<double>(found.size()));
    }
    if (hits.empty())
        hits.push_back({0, std::min(count, ExcerptSelector::kHeadLines) - 1, 0.5});
    std::sort(hits.begin(), hits.end(),
              [](const Region& a, const Region& b) { return a.first < b.first; });
    std::vector<Region> merged;
    for (const auto& hit : hits) {
        if (!merged.empty() && hit.first <= merged.back().last + 1) {
            merged.back().last = std::max(merged.back().last, hit.last);
            merged.back().weight += hit.weight;
        } else {
            merged.push_back(hit);
        }
    }
    // Best first; among equals, earlier first.
    std::stable_sort(merged.begin(), merged.end(),
                     [](const Region& a, const Region& b) { return a.weight > b.weight; });
    return merged;
}

std::string textOf(const std::vector<std::string_view>& lines, std::uint32_t first,
                   std::uint32_t last)
{
    std::string text;
    for (std::uint32_t i = first; i <= last; ++i) {
        text.append(lines[i]);
        text += '\n';
    }
    return text;
}

} // namespace

std::string ExcerptSelector::header(const std::string& path, std::uint32_t startLine,
                                    std::uint32_t endLine)
{
    return path + ":" + std::to_string(startLine) + "-" + std::to_string(endLine) + "\n";
}

ExcerptSet ExcerptSelector::select(const Ranking& ranking, const std::string& root,
                                   std::size_t topK, std::uint64_t tokenBudget)
{
    ExcerptSet set;
    set.tokenBudget = tokenBudget;
    const std::size_t files = std::min(topK, ranking.files.size());
    std::string content;
    for (std::size_t rank = 0; rank < files; ++rank) {
        const RankedFile& file = ranking.files[rank];
        FileCost cost{file.path, 0, 0};
        if (file.status != ContentStatus::Indexed ||
            FileReader::read(root + "/" + file.path, kMaxFileBytes, content).outcome !=
                FileReader::Outcome::Read ||
            FileReader::looksBinary(content)) {
            set.costs.push_back(cost);
            continue;
        }
        cost.fileTokens =
            TokenEstimator::estimate(content) + TokenEstimator::estimate(header(file.path, 1, 1));
        const auto lines = splitLines(content);
        const std::uint64_t remaining = tokenBudget - set.tokensUsed;
        const std::uint64_t allowance = remaining / (files - rank);
        std::vector<Excerpt> chosen;
        std::uint64_t spent = 0;
        // Per-line costs bound a region's cost from above (a line's indentation is
        // counted apart from its line break), so cutting by them never overshoots.
        std::vector<std::uint64_t> prefix(lines.size() + 1, 0);
        for (std::size_t i = 0; i < lines.size(); ++i)
            prefix[i + 1] = prefix[i] + TokenEstimator::estimate(lines[i]) + 1;
        for (const auto& region : regionsOf(file, lines)) {
            // Cut the region from its end until it fits what this file may spend.
            for (std::uint32_t last = region.last;; --last) {
                const std::uint64_t bound =
                    prefix[last + 1] - prefix[region.first] +
                    TokenEstimator::estimate(header(file.path, region.first + 1, last + 1));
                if (spent + bound <= allowance) {
                    Excerpt excerpt{file.path, region.first + 1, last + 1,
                                    textOf(lines, region.first, last), 0};
                    excerpt.tokens = TokenEstimator::estimate(excerpt.text) +
                                     TokenEstimator::estimate(
                                         header(file.path, excerpt.startLine, excerpt.endLine));
                    spent += excerpt.tokens;
                    chosen.push_back(std::move(excerpt));
                    break;
                }
                if (last == region.first)
                    break;
            }
        }
        std::sort(chosen.begin(), chosen.end(),
                  [](const Excerpt& a, const Excerpt& b) { return a.startLine < b.startLine; });
        cost.excerptTokens = spent;
        set.tokensUsed += spent;
        if (!chosen.empty())
            ++set.filesShown;
        for (auto& excerpt : chosen)
            set.excerpts.push_back(std::move(excerpt));
        set.costs.push_back(cost);
    }
    return set;
}

} // namespace builder::localize
