#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

namespace builder::ctl {

class Session;

// `builderctl review diff ID [--patch]`: the diff under review (GetDiff) with
// +/- counts per file, the automated review's findings and every comment; the
// head SHA it prints is what `review approve --sha` takes.
class ReviewDiffCommand
{
public:
    static constexpr const char* kVerb = "diff";

    static CommandSpec spec();
    static int run(const ParsedArgs& args, Session& session);
};

} // namespace builder::ctl
