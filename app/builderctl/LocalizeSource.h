#pragma once

#include "common/Result.h"
#include "localize/LocalizeRequest.h"
#include "localize/LocalizeResult.h"

namespace builder::ctl {

// Where `builderctl localize` gets its answer: in-process for a local folder
// (LocalLocalizeSource); a builderd-backed source for registered repository
// names returns the same result type.
class LocalizeSource
{
public:
    virtual ~LocalizeSource() = default;
    virtual common::Result<localize::LocalizeResult>
    localize(const localize::LocalizeRequest& request) = 0;
};

} // namespace builder::ctl
