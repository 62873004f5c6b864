#pragma once

#include <QString>

namespace builder::bench {

// Command-line settings of bench_pipeline.
struct PipelineBenchOptions
{
    int files = 5000;
    int coldRuns = 5;  // each on a fresh builderd data directory
    int warmRuns = 10; // on the last cold run's builderd, mirror present
    QString dir;       // empty: a temporary directory
    bool keep = false;
    bool verbose = false;    // every run's events with their times
    bool subBenches = false; // also run bench_git_workspace and bench_localize (50,000 files)
    int localizeFiles = 50000;
};

} // namespace builder::bench
