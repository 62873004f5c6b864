#include "FeatureView.h"

#include "EnumNames.h"
#include "FieldList.h"
#include "RepoView.h"
#include "TimeText.h"

#include <cstdio>

namespace builder::ctl {

namespace featurev1 = feature::feature::v1;

namespace {

std::string join(const google::protobuf::RepeatedPtrField<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

} // namespace

std::string FeatureView::state(int state)
{
    return EnumNames::shortName(featurev1::FeatureState_descriptor(), state);
}

Table FeatureView::table()
{
    Table table({"ID", "STATE", "TITLE", "REPOSITORY", "CREATED"});
    table.setMaxWidth(2, kMaxTitleColumns);
    return table;
}

std::vector<std::string> FeatureView::row(const featurev1::FeatureExecution& execution)
{
    return {execution.id(), state(execution.state()), execution.spec().title(),
            execution.repository_id(), TimeText::format(execution.created_at())};
}

std::string FeatureView::size(std::int64_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %s", value, units[unit]);
    return buffer;
}

std::string FeatureView::progress(const featurev1::ExecutionProgress& progress)
{
    if (progress.total_steps() == 0)
        return {};
    std::string out = std::to_string(progress.completed_steps()) + "/" +
                      std::to_string(progress.total_steps()) + " steps (" +
                      std::to_string(static_cast<int>(progress.percent_complete())) + "%)";
    if (!progress.current_step_description().empty())
        out += ", now: " + progress.current_step_description();
    return out;
}

std::string FeatureView::error(const featurev1::ExecutionError& error)
{
    std::string out = EnumNames::shortName(featurev1::ErrorCode_descriptor(), error.code());
    if (!error.message().empty())
        out += ": " + error.message();
    out += error.retryable() ? " (retryable" : " (not retryable";
    if (error.failed_step() > 0)
        out += ", step " + std::to_string(error.failed_step());
    return out + ")";
}

std::string FeatureView::result(const featurev1::DeliveryResult& result)
{
    std::string out = result.branch_name();
    if (!result.commit_sha().empty())
        out += " @ " + result.commit_sha().substr(0, 12);
    out += ", " + std::to_string(result.commit_count()) + " commits, " +
           std::to_string(result.files_changed()) + " files, +" +
           std::to_string(result.lines_added()) + " -" + std::to_string(result.lines_removed());
    return out;
}

std::string FeatureView::constraints(const featurev1::FeatureConstraints& c)
{
    std::string out;
    const auto add = [&out](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    if (c.max_steps() > 0)
        add("max steps " + std::to_string(c.max_steps()));
    if (c.timeout_minutes() > 0)
        add("timeout " + std::to_string(c.timeout_minutes()) + " min");
    if (!c.allowed_paths().empty())
        add("allow " + join(c.allowed_paths()));
    if (!c.forbidden_paths().empty())
        add("forbid " + join(c.forbidden_paths()));
    if (c.require_tests())
        add("tests required");
    if (c.require_build())
        add("build required");
    return out;
}

std::string FeatureView::details(const featurev1::FeatureExecution& execution)
{
    const auto& spec = execution.spec();
    FieldList fields;
    fields.add("id", execution.id());
    fields.addIfSet("correlation id", execution.correlation_id());
    fields.add("state", state(execution.state()));
    fields.add("title", spec.title());
    fields.add("repository", execution.repository_id());
    fields.addIfSet("target branch", spec.target_branch());
    fields.addIfSet("feature branch", spec.feature_branch());
    if (spec.has_constraints())
        fields.addIfSet("constraints", constraints(spec.constraints()));
    fields.addIfSet("properties", RepoView::properties(spec.properties()));
    if (execution.has_plan())
        fields.add("plan",
                   std::to_string(execution.plan().steps_size()) + " steps" +
                       (execution.plan().summary().empty() ? std::string()
                                                           : ": " + execution.plan().summary()));
    if (execution.has_progress())
        fields.addIfSet("progress", progress(execution.progress()));
    if (execution.has_error())
        fields.add("error", error(execution.error()));
    if (execution.has_result()) {
        fields.add("result", result(execution.result()));
        fields.addIfSet("patch", execution.result().patch_url());
        fields.addIfSet("summary", execution.result().summary());
    }
    fields.add("created", TimeText::format(execution.created_at()));
    fields.add("updated", TimeText::format(execution.updated_at()));
    if (execution.has_completed_at())
        fields.add("completed", TimeText::format(execution.completed_at()));
    fields.add("description", spec.description());
    return fields.toString();
}

Table FeatureView::artifacts(const featurev1::GetArtifactsResponse& response)
{
    Table table({"NAME", "TYPE", "SIZE", "CREATED", "URL"});
    for (const auto& artifact : response.artifacts()) {
        table.addRow({artifact.name(),
                      EnumNames::shortName(featurev1::ArtifactType_descriptor(), artifact.type()),
                      size(artifact.size()), TimeText::format(artifact.created_at()),
                      artifact.url()});
    }
    return table;
}

} // namespace builder::ctl
