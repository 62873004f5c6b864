#pragma once

#include "StageResults.h"
#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"

#include <QJsonValue>

namespace builder::pipeline {

// Turns the validated JSON of each stage into its result type, checking what
// a schema cannot say (plan dependencies point backwards, rename has a target).
// Errors are InvalidArgument naming the JSON path.
class StageParsers
{
public:
    static NormalizedSpec normalizedSpec(const QJsonValue& value);
    static ImpactAnalysis impact(const QJsonValue& value);
    static common::Result<feature::feature::v1::ExecutionPlan> plan(const QJsonValue& value,
                                                                    int maxSteps);
    static common::Result<CodeChange> codeChange(const QJsonValue& value);

    static std::string toJson(const NormalizedSpec& spec);
    static std::string toJson(const ImpactAnalysis& impact);
};

} // namespace builder::pipeline
