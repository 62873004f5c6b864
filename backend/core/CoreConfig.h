#pragma once

namespace builder::core {

// Server-side defaults where a request leaves a field unset (0).
struct CoreConfig
{
    int defaultMaxSteps = 20;
    int defaultTimeoutMinutes = 60;
    int defaultPageSize = 50;
};

} // namespace builder::core
