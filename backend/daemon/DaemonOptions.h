#pragma once

#include "common/Result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace builder::daemon {

// Everything `builderd serve` can be told, from (lowest to highest priority)
// defaults, the config file (`key = value` lines, `#` comments), environment
// variables and command-line flags.
struct DaemonOptions
{
    std::string dataDir;
    std::string grpcListen;
    std::string httpListen;
    std::string configFile;
    std::string tlsCertificate;
    std::string tlsKey;
    bool allowInsecureRemote = false;
    bool rateLimits = true;
    bool reflection = true;                        // gRPC server reflection (open, like health)
    std::map<std::string, int> rateLimitOverrides; // bucket or method -> requests per minute
    std::int64_t maxBodyBytes = 1024 * 1024;
    int httpThreads = 2;
    // Which parts this process runs: "gateway" (gRPC + HTTP API) and "worker"
    // (the pipeline, with its reviewer and executor). All-in-one runs both.
    bool gatewayRole = true;
    bool workerRole = true;
    // Settings of other areas, checked by their owners when builderd starts:
    // llm.* and the vendors' keys (backend/llm), sandbox* (backend/executor),
    // pipeline.* (backend/pipeline).
    std::map<std::string, std::string> llmSettings;
    std::map<std::string, std::string> executorSettings;
    std::map<std::string, std::string> pipelineSettings;
    // killswitch.* (core::KillSwitchSettings) and webhook.* (webhook::WebhookSettings),
    // the latter in order since webhook.url may repeat.
    std::map<std::string, std::string> killSwitchSettings;
    std::vector<std::pair<std::string, std::string>> webhookSettings;

    // Parses `serve` arguments (after the sub-command).
    static common::Result<DaemonOptions> parse(const std::vector<std::string>& args);
    static std::string usage();

    // host:port -> (host, port); false when malformed.
    static bool splitHostPort(const std::string& address, std::string& host, int& port);
    static bool isLoopbackHost(const std::string& host);
};

} // namespace builder::daemon
