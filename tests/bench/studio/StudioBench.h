#pragma once

#include <QString>

namespace builder::bench {

// The three Studio measurements, each next to a baseline measured in the same run.
class StudioBench
{
public:
    static constexpr int kDiffLines = 50000;
    static constexpr int kEventsPerSecond = 10000;
    static constexpr int kAppendSeconds = 5;

    // Launches builder-studio against a real builderd; median of `runs` launches.
    static void coldStart(int runs);
    static void openLargeDiff();
    static void timelineUnderLoad();
    // Scrolls the Executions table through 100,000 rows paged in by fetchMore.
    static void hundredThousandExecutions();
};

} // namespace builder::bench
