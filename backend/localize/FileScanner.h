#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "localize/Query.h"
#include "localize/RepositoryMap.h"
#include "localize/ScanOptions.h"
#include "localize/ScanResult.h"

namespace builder::localize {

// Reads every file of a map once, in parallel, and counts the query's terms in
// its path, symbols and contents. A file whose facts are cached (same blob, or
// same path/size/mtime) is not read at all. With a cache folder, the facts of
// every file (all its terms, not just the query's) are written back, so the next
// query over the same commit reads the cache instead of the files.
class FileScanner
{
public:
    // Errors: FailedPrecondition when ctags was asked for and is missing,
    // Cancelled/DeadlineExceeded when `cancel` fires.
    static common::Result<ScanResult> scan(const RepositoryMap& map, const Query& query,
                                           const ScanOptions& options,
                                           const common::CancelToken& cancel = {});

    // The extractor Auto picks for a map of this many files.
    static SymbolSource resolve(SymbolSource requested, std::size_t files);
};

} // namespace builder::localize
