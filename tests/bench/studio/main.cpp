// bench_studio: Builder Studio's performance figures (see StudioBench).
#include "StudioBench.h"

#include <QApplication>
#include <QStandardPaths>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    int runs = 5;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::max(1, std::atoi(argv[i + 1]));
    std::printf("bench_studio (QT_QPA_PLATFORM=%s)\n", qgetenv("QT_QPA_PLATFORM").constData());
    builder::bench::StudioBench::coldStart(runs);
    builder::bench::StudioBench::openLargeDiff();
    builder::bench::StudioBench::timelineUnderLoad();
    builder::bench::StudioBench::hundredThousandExecutions();
    return 0;
}
