#pragma once

#include "BenchModel.h"
#include "FakeLlmServer.h"
#include "GitCliBaseline.h"
#include "PipelineBenchOptions.h"
#include "RunTimeline.h"
#include "Samples.h"
#include "SyntheticRepo.h"
#include "support/BuilderdProcess.h"
#include "support/FeatureClient.h"

#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace builder::bench {

// Create -> COMPLETED of a 3-step feature through a real builderd and its
// pipeline, the fake LLM answering at once, on a generated repository behind a
// bare remote: cold runs (fresh data directory each), warm runs (mirror there),
// a per-stage breakdown from the event timestamps, and the git CLI doing the same
// delivery in the same run.
class PipelineBench
{
public:
    PipelineBench(PipelineBenchOptions options, QString dir);
    ~PipelineBench();

    bool prepare();
    bool run();
    void report() const;
    bool subBenches() const;

private:
    struct Daemon
    {
        QString dataDir;
        std::unique_ptr<testing::BuilderdProcess> process;
        std::unique_ptr<testing::FeatureClient> client;
        std::string repositoryId;
    };
    struct RunResult
    {
        double totalMs = 0;
        std::vector<RunTimeline::Phase> phases;
    };

    bool startDaemon(const QString& dataDir, Daemon& daemon);
    std::optional<RunResult> execute(Daemon& daemon, int run);
    void printEvents(const std::vector<feature::feature::v1::FeatureEvent>& events,
                     double createdAtMs) const;

    PipelineBenchOptions m_options;
    QString m_dir;
    QString m_remote;
    SyntheticRepo::Summary m_repo;
    std::unique_ptr<BenchModel> m_model;
    fakes::FakeLlmServer m_llm;
    std::unique_ptr<GitCliBaseline> m_baseline;
    Samples m_cold;
    Samples m_warm;
    std::map<std::string, Samples> m_coldPhases;
    std::map<std::string, Samples> m_warmPhases;
    std::vector<std::string> m_phaseOrder;
    // Pipeline worktree phase / the git worktree add run right after it, per run.
    Samples m_worktreeRatios;
    int m_runs = 0;
    int m_streamRestarts = 0;
    std::vector<std::string> m_streamErrors;
};

} // namespace builder::bench
