#pragma once

#include "Table.h"
#include "feature/feature/v1/feature.pb.h"

#include <cstdint>
#include <string>
#include <vector>

namespace builder::ctl {

// How feature executions and their artifacts read in a terminal.
class FeatureView
{
public:
    static constexpr int kMaxTitleColumns = 40;

    static Table table();
    static std::vector<std::string> row(const feature::feature::v1::FeatureExecution& execution);
    static std::string details(const feature::feature::v1::FeatureExecution& execution);
    static Table artifacts(const feature::feature::v1::GetArtifactsResponse& response);
    static std::string state(int state);
    // "512 B", "1.5 KiB", "3.0 MiB".
    static std::string size(std::int64_t bytes);

private:
    static std::string progress(const feature::feature::v1::ExecutionProgress& progress);
    static std::string error(const feature::feature::v1::ExecutionError& error);
    static std::string result(const feature::feature::v1::DeliveryResult& result);
    static std::string constraints(const feature::feature::v1::FeatureConstraints& constraints);
};

} // namespace builder::ctl
