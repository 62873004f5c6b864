#include "PipelineSettings.h"

#include "common/DurationText.h"
#include "common/SettingText.h"

#include <array>
#include <cstdlib>

namespace builder::pipeline {

using common::Error;

namespace {

Error bad(const std::string& key, const std::string& value, const std::string& rule)
{
    return Error::invalid(key, "setting.value", key + " " + rule + " (got \"" + value + "\")");
}

} // namespace

bool PipelineSettings::isPipelineSetting(const std::string& key)
{
    return key.rfind("pipeline.", 0) == 0;
}

common::Status PipelineSettings::apply(const std::map<std::string, std::string>& settings,
                                       PipelineConfig& c, queue::RetryPolicy& retry)
{
    for (const auto& [key, value] : settings) {
        long long n = 0;
        auto intIn = [&](long long lo, long long hi) {
            const auto parsed = common::SettingText::integer(value);
            n = parsed.value_or(0);
            return parsed && *parsed >= lo && *parsed <= hi;
        };
        if (key == "pipeline.workers") {
            if (!intIn(1, 64))
                return bad(key, value, "must be a whole number from 1 to 64");
            c.workers = static_cast<int>(n);
        } else if (key == "pipeline.max_concurrent_clones") {
            if (!intIn(1, 100))
                return bad(key, value, "must be a whole number from 1 to 100");
            c.maxConcurrentClones = static_cast<int>(n);
        } else if (key == "pipeline.max_repair_iterations") {
            if (!intIn(0, 10))
                return bad(key, value, "must be a whole number from 0 to 10");
            c.maxRepairIterations = static_cast<int>(n);
        } else if (key == "pipeline.max_review_iterations") {
            if (!intIn(0, 10))
                return bad(key, value, "must be a whole number from 0 to 10");
            c.maxReviewIterations = static_cast<int>(n);
        } else if (key == "pipeline.budget_usd") {
            const auto usd = common::SettingText::number(value);
            if (!usd || *usd < 0)
                return bad(key, value, "must be a number of US dollars, 0 or more (0: no limit)");
            c.defaultBudgetUsd = *usd;
        } else if (key == "pipeline.workspace_retention_hours") {
            if (!intIn(0, 24 * 365))
                return bad(key, value, "must be a whole number of hours");
            c.workspaceRetention = std::chrono::hours(n);
        } else if (key == "pipeline.workspace_dir") {
            c.workspacesOverride = value;
        } else if (key == "pipeline.author_name") {
            if (value.empty())
                return bad(key, value, "must not be empty");
            c.authorName = value;
        } else if (key == "pipeline.author_email") {
            if (value.find('@') == std::string::npos)
                return bad(key, value, "must be an e-mail address");
            c.authorEmail = value;
        } else if (key == "pipeline.retry_delays") {
            std::array<std::chrono::milliseconds, 3> delays{};
            std::size_t start = 0;
            int count = 0;
            while (start <= value.size() && count < 4) {
                auto end = value.find(',', start);
                if (end == std::string::npos)
                    end = value.size();
                const auto one =
                    common::DurationText::parse(std::string_view(value).substr(start, end - start));
                if (count >= 3 || !one)
                    return bad(key, value, "must be three durations, e.g. 10s,60s,300s");
                delays[static_cast<std::size_t>(count++)] = *one;
                start = end + 1;
            }
            if (count != 3)
                return bad(key, value, "must be three durations, e.g. 10s,60s,300s");
            retry.delays = delays;
        } else if (key == "pipeline.lease_seconds") {
            if (!intIn(1, 3600))
                return bad(key, value, "must be a whole number of seconds from 1 to 3600");
            retry.lease = std::chrono::seconds(n);
        } else if (key == "pipeline.timeout_minute_ms") {
            if (!intIn(10, 60000))
                return bad(key, value, "must be a whole number of milliseconds from 10 to 60000");
            c.timeoutMinute = std::chrono::milliseconds(n);
        } else if (key == "pipeline.lease_ms") {
            if (!intIn(100, 3600000))
                return bad(key, value, "must be a whole number of milliseconds, at least 100");
            retry.lease = std::chrono::milliseconds(n);
        } else {
            return Error::invalid(key, "key.known", "unknown pipeline setting \"" + key + "\"");
        }
    }
    return {};
}

common::Status PipelineSettings::applyEnvironment(PipelineConfig& c)
{
    if (const char* v = std::getenv("WORKSPACE_BASE_PATH"); v && *v)
        c.workspacesOverride = v;
    if (const char* v = std::getenv("MAX_ITERATIONS"); v && *v) {
        const auto n = common::SettingText::integer(v);
        if (!n || *n < 0 || *n > 10)
            return bad("MAX_ITERATIONS", v, "must be a whole number from 0 to 10");
        c.maxReviewIterations = static_cast<int>(*n);
    }
    return {};
}

} // namespace builder::pipeline
