#pragma once

#include "LocalizeSource.h"

namespace builder::ctl {

// Runs the localizer in this process, on a folder of this machine; no builderd.
class LocalLocalizeSource : public LocalizeSource
{
public:
    common::Result<localize::LocalizeResult>
    localize(const localize::LocalizeRequest& request) override;
};

} // namespace builder::ctl
