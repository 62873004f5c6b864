#include "PageArgs.h"

#include "ArgValues.h"

namespace builder::ctl {

std::vector<OptionSpec> PageArgs::options()
{
    return {
        {"page-size", "N", "At most N results (1-100)"},
        {"page-token", "TOKEN", "Continue where a previous page ended"},
    };
}

common::Result<bool> PageArgs::apply(const ParsedArgs& args,
                                     feature::common::v1::Pagination& pagination)
{
    bool set = false;
    if (auto size = args.value("page-size")) {
        auto parsed = ArgValues::int32("page-size", *size);
        if (!parsed.ok())
            return parsed.error();
        pagination.set_page_size(*parsed);
        set = true;
    }
    if (auto token = args.value("page-token")) {
        pagination.set_page_token(*token);
        set = true;
    }
    return set;
}

} // namespace builder::ctl
