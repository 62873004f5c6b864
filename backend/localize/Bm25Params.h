#pragma once

#include "localize/ScanResult.h"

namespace builder::localize {

// BM25F parameters (see shared/docs/localize.md for the formula). A path or
// symbol hit weighs more than a content hit: a spec's nouns name files and
// functions far more reliably than they occur in arbitrary code. Paths and
// symbol lists are short and of similar length, so their length normalisation is
// weaker than the content's.
struct Bm25Params
{
    double k1 = 1.2;
    double weight[kFieldCount] = {3.0, 2.5, 1.0}; // path, symbols, content
    double b[kFieldCount] = {0.3, 0.5, 0.75};
};

} // namespace builder::localize
