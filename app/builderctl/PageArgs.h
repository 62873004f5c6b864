#pragma once

#include "OptionSpec.h"
#include "ParsedArgs.h"
#include "common/Result.h"
#include "feature/common/v1/common.pb.h"

#include <vector>

namespace builder::ctl {

// --page-size and --page-token, shared by the list commands.
class PageArgs
{
public:
    static std::vector<OptionSpec> options();
    // Sets `pagination` only when a page option was given; the server's default otherwise.
    static common::Result<bool> apply(const ParsedArgs& args,
                                      feature::common::v1::Pagination& pagination);
};

} // namespace builder::ctl
