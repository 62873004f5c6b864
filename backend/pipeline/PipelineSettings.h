#pragma once

#include "PipelineConfig.h"
#include "common/Result.h"
#include "queue/RetryPolicy.h"

#include <map>
#include <string>

namespace builder::pipeline {

// Reads the `pipeline.*` settings of builderd's config file (and flags) into a
// PipelineConfig and the queue's RetryPolicy. Unknown keys and bad values are
// errors naming the key and the rule.
class PipelineSettings
{
public:
    static common::Status apply(const std::map<std::string, std::string>& settings,
                                PipelineConfig& config, queue::RetryPolicy& retry);
    // WORKSPACE_BASE_PATH, MAX_ITERATIONS from the environment.
    static common::Status applyEnvironment(PipelineConfig& config);
    static bool isPipelineSetting(const std::string& key);
};

} // namespace builder::pipeline
