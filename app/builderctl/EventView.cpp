#include "EventView.h"

#include "Table.h"
#include "TextWidth.h"
#include "TimeText.h"

namespace builder::ctl {

const std::vector<int>& EventView::widths()
{
    // SEQ, TIME (RFC 3339 UTC is 20 columns), TYPE (fits "feature.state_changed").
    static const std::vector<int> kWidths = {5, 20, 22};
    return kWidths;
}

std::string EventView::header()
{
    return Table::formatRow({"SEQ", "TIME", "TYPE", "SUMMARY"}, widths());
}

std::string EventView::line(const feature::feature::v1::FeatureEvent& event)
{
    return Table::formatRow({std::to_string(event.sequence_number()),
                             TimeText::format(event.timestamp()), TextWidth::sanitize(event.type()),
                             TextWidth::sanitize(event.summary())},
                            widths());
}

} // namespace builder::ctl
