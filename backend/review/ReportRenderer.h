#pragma once

#include "ReviewReport.h"

#include <string>
#include <string_view>

namespace builder::review {

// The analysis report artifact: every finding with severity, rule, place,
// message and fix, plus score, decision and thresholds, as Markdown for people
// and JSON (snake_case, stable key order) for tools.
class ReportRenderer
{
public:
    static std::string markdown(const ReviewReport& report);
    static std::string json(const ReviewReport& report);

    static std::string jsonString(std::string_view text);
};

} // namespace builder::review
