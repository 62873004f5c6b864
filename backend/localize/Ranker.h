#pragma once

#include "localize/Bm25Params.h"
#include "localize/Query.h"
#include "localize/Ranking.h"
#include "localize/RepositoryMap.h"
#include "localize/ScanResult.h"

namespace builder::localize {

// Scores every scanned file with BM25F over path, symbols and contents and keeps
// the best `topK`. Pure and deterministic: same inputs, same order, same scores.
class Ranker
{
public:
    static Ranking rank(const RepositoryMap& map, const ScanResult& scan, const Query& query,
                        std::size_t topK, const Bm25Params& params = {});
};

} // namespace builder::localize
