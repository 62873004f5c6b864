#pragma once

#include "Journal.h"
#include "PipelineServices.h"
#include "RunWriter.h"
#include "StageResults.h"
#include "common/CancelToken.h"
#include "feature/repository/v1/repository.pb.h"
#include "git/GitCredential.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace builder::llm {
class Provider;
}
namespace builder::git {
class Workspace;
}

namespace builder::pipeline {

class JournaledProvider;

// Everything one run of one execution knows and shares between its stages.
class RunContext
{
public:
    RunContext(PipelineServices& services, store::JobLease lease, common::CancelToken cancel);
    ~RunContext();

    PipelineServices& services;
    RunWriter writer;
    Journal journal;
    common::CancelToken cancel;

    feature::feature::v1::FeatureExecution execution; // as loaded at the start of the run
    feature::repository::v1::Repository repository;
    git::GitCredential credential;
    std::unique_ptr<git::Workspace> workspace;
    std::string baseSha;
    std::string headSha; // the last commit the journal knows of
    // The commit the worktree is known to match exactly (just committed or
    // reset by this run); empty when it may differ (a build ran, a resumed run).
    std::string cleanAt;
    // Resets the worktree to headSha unless it is known to be there already.
    common::Status resetToHead();
    NormalizedSpec normalized;
    ImpactAnalysis impact;
    // Failure attribution for the stage that is running.
    int currentStep = 0;
    std::optional<feature::feature::v1::ErrorCode> failureCode;

    // A journaled provider for one scope of calls (one per scope and run).
    llm::Provider& provider(const std::string& scope);
    // Moves to `state` unless the execution is already there (fenced write).
    common::Status ensureState(feature::feature::v1::FeatureState state);
    // The kill switch, before anything with effects (an LLM call, a sandbox
    // run, a push): its stop error, or Ok.
    common::Status stopCheck() const;
    // One event in its own fenced transaction.
    common::Status event(const std::string& type, const std::string& summary,
                         const google::protobuf::Struct& payload = {});
    common::Status saveProgress(int completedSteps, int currentStep, const std::string& description,
                                float percent);

    // Repository properties overlaid with the feature's (the feature wins).
    std::map<std::string, std::string> properties() const;
    double budgetUsd() const;
    std::filesystem::path worktreeDir() const;
    std::filesystem::path artifactsDir() const;
    // The spec never changes during a run; held apart from `execution`, which
    // is replaced after every write (references into it would dangle).
    const feature::feature::v1::FeatureSpec& spec() const { return m_spec; }
    void setExecution(const feature::feature::v1::FeatureExecution& loaded)
    {
        execution = loaded;
        m_spec = loaded.spec();
    }
    const feature::feature::v1::ExecutionPlan& plan() const { return execution.plan(); }

    // Current text of files in the worktree as fenced prompt blocks, within
    // the configured size limits; missing files are listed as new.
    std::string fileContext(const std::vector<std::string>& paths) const;

private:
    feature::feature::v1::FeatureSpec m_spec;
    std::vector<std::unique_ptr<JournaledProvider>> m_providers;
};

} // namespace builder::pipeline
