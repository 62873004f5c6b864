#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "localize/LocalizeRequest.h"
#include "localize/LocalizeResult.h"

namespace builder::localize {

// The localization facade: repository map, scan, BM25F ranking, excerpts. Used
// by the pipeline's AnalyzeImpact stage and by `builderctl localize`. Blocking,
// CPU and disk bound: call it off the GUI thread.
class Localizer
{
public:
    // Errors: InvalidArgument (naming the field) for an empty root or query, a
    // query of stop words only, or topK outside 1..1000; NotFound when the root
    // does not exist; FailedPrecondition when ctags is required but missing;
    // Cancelled/DeadlineExceeded from `cancel`.
    static common::Result<LocalizeResult> localize(const LocalizeRequest& request,
                                                   const common::CancelToken& cancel = {});
};

} // namespace builder::localize
