#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace builder::pipeline {

// Operator settings of the pipeline (builderd's config file, `pipeline.*` keys).
struct PipelineConfig
{
    std::filesystem::path dataDir; // mirrors/, workspaces/, artifacts/ live below it
    int workers = 2;               // executions run at the same time
    int maxConcurrentClones = 10;  // mirror clones at the same time
    int maxRepairIterations = 3;   // VERIFYING -> repair -> VERIFYING rounds
    int maxReviewIterations = 3;   // reviewer `iterate` rounds (MAX_ITERATIONS)
    double defaultBudgetUsd = 5.0; // per execution; property `budget_usd` overrides
    std::chrono::hours workspaceRetention{24};
    std::string authorName = "Builder";
    std::string authorEmail = "builder@localhost";
    // Largest file text shown to the model when it edits a file, and in all.
    std::size_t maxFileBytesInPrompt = 96 * 1024;
    std::size_t maxPromptFileBytes = 400 * 1024;
    int localizeTopK = 40;
    int localizeTokenBudget = 12000;
    std::filesystem::path workspacesOverride; // WORKSPACE_BASE_PATH
    // When this builderd started: older lock files of ours are stale.
    std::chrono::system_clock::time_point processStarted = std::chrono::system_clock::now();
    // How long one of timeout_minutes lasts. A minute, except in tests, which
    // shorten it to see a timeout without waiting five minutes.
    std::chrono::milliseconds timeoutMinute{std::chrono::minutes(1)};

    std::filesystem::path mirrorsDir() const { return dataDir / "mirrors"; }
    std::filesystem::path workspacesDir() const
    {
        return workspacesOverride.empty() ? dataDir / "workspaces" : workspacesOverride;
    }
    std::filesystem::path artifactsDir() const { return dataDir / "artifacts"; }
    std::filesystem::path cacheDir() const { return dataDir / "cache"; }
};

} // namespace builder::pipeline
