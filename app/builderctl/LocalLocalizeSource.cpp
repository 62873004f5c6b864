#include "LocalLocalizeSource.h"

#include "Interrupt.h"
#include "localize/Localizer.h"

namespace builder::ctl {

common::Result<localize::LocalizeResult>
LocalLocalizeSource::localize(const localize::LocalizeRequest& request)
{
    // Ctrl-C stops the scan between files instead of killing a half-written cache.
    common::CancelToken cancel;
    Interrupt::Guard guard(
        [&cancel] { cancel.cancel(common::Error(common::StatusCode::Cancelled, "interrupted")); });
    return localize::Localizer::localize(request, cancel);
}

} // namespace builder::ctl
