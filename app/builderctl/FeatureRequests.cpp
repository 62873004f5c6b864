#include "FeatureRequests.h"

#include "ArgValues.h"
#include "InputFile.h"
#include "PageArgs.h"
#include "TimeText.h"
#include "UsageError.h"

namespace builder::ctl {

namespace featurev1 = feature::feature::v1;

namespace {

common::Result<std::string> required(const ParsedArgs& args, const std::string& option,
                                     const std::string& valueName)
{
    auto value = args.value(option);
    if (!value || value->empty())
        return usageError("missing --" + option + " " + valueName);
    return *value;
}

common::Result<std::string> description(const ParsedArgs& args)
{
    const bool inline_ = args.has("description");
    const bool file = args.has("description-file");
    if (inline_ && file)
        return usageError("give --description or --description-file, not both");
    if (inline_)
        return *args.value("description");
    if (file)
        return InputFile::read("description-file", *args.value("description-file"));
    return usageError("missing --description TEXT or --description-file FILE");
}

common::Result<bool> applyConstraints(const ParsedArgs& args,
                                      featurev1::FeatureConstraints& constraints)
{
    bool set = false;
    if (auto text = args.value("max-steps")) {
        auto value = ArgValues::int32("max-steps", *text);
        if (!value.ok())
            return value.error();
        constraints.set_max_steps(*value);
        set = true;
    }
    if (auto text = args.value("timeout-minutes")) {
        auto value = ArgValues::int32("timeout-minutes", *text);
        if (!value.ok())
            return value.error();
        constraints.set_timeout_minutes(*value);
        set = true;
    }
    for (const auto& path : args.values("allow"))
        constraints.add_allowed_paths(path);
    for (const auto& path : args.values("forbid"))
        constraints.add_forbidden_paths(path);
    constraints.set_require_tests(args.has("require-tests"));
    constraints.set_require_build(args.has("require-build"));
    return set || args.has("allow") || args.has("forbid") || args.has("require-tests") ||
           args.has("require-build");
}

} // namespace

common::Result<std::string> FeatureRequests::id(const ParsedArgs& args)
{
    if (args.positionals().empty() || args.positionals().front().empty())
        return usageError("missing execution ID");
    return args.positionals().front();
}

common::Result<featurev1::CreateRequest> FeatureRequests::create(const ParsedArgs& args)
{
    featurev1::CreateRequest request;
    auto* spec = request.mutable_spec();
    auto repository = required(args, "repo", "ID");
    if (!repository.ok())
        return repository.error();
    auto title = required(args, "title", "TITLE");
    if (!title.ok())
        return title.error();
    auto text = description(args);
    if (!text.ok())
        return text.error();
    spec->set_repository_id(*repository);
    spec->set_title(*title);
    spec->set_description(*text);
    spec->set_target_branch(args.value("target-branch").value_or(""));
    spec->set_feature_branch(args.value("feature-branch").value_or(""));

    featurev1::FeatureConstraints constraints;
    auto hasConstraints = applyConstraints(args, constraints);
    if (!hasConstraints.ok())
        return hasConstraints.error();
    if (*hasConstraints)
        *spec->mutable_constraints() = constraints;

    if (args.has("property")) {
        auto properties = ArgValues::properties("property", args.values("property"));
        if (!properties.ok())
            return properties.error();
        spec->mutable_properties()->mutable_values()->insert(properties->begin(),
                                                             properties->end());
    }
    request.set_correlation_id(args.value("correlation-id").value_or(""));
    request.set_idempotency_key(args.value("idempotency-key").value_or(""));
    return request;
}

common::Result<featurev1::SearchRequest>
FeatureRequests::search(const ParsedArgs& args, std::chrono::system_clock::time_point now)
{
    featurev1::SearchRequest request;
    request.set_repository_id(args.value("repo").value_or(""));
    request.set_query(args.value("query").value_or(""));
    auto states =
        ArgValues::enumValues("state", args.values("state"), featurev1::FeatureState_descriptor());
    if (!states.ok())
        return states.error();
    for (const int state : *states)
        request.add_states(static_cast<featurev1::FeatureState>(state));
    if (auto text = args.value("created-after")) {
        auto after = TimeText::parseInstant("created-after", *text, now);
        if (!after.ok())
            return after.error();
        *request.mutable_created_after() = *after;
    }
    if (auto text = args.value("created-before")) {
        auto before = TimeText::parseInstant("created-before", *text, now);
        if (!before.ok())
            return before.error();
        *request.mutable_created_before() = *before;
    }
    feature::common::v1::Pagination pagination;
    auto paged = PageArgs::apply(args, pagination);
    if (!paged.ok())
        return paged.error();
    if (*paged)
        *request.mutable_pagination() = pagination;
    return request;
}

common::Result<featurev1::CancelRequest> FeatureRequests::cancel(const ParsedArgs& args)
{
    featurev1::CancelRequest request;
    auto executionId = id(args);
    if (!executionId.ok())
        return executionId.error();
    request.set_id(*executionId);
    request.set_reason(args.value("reason").value_or(""));
    return request;
}

common::Result<featurev1::RetryRequest> FeatureRequests::retry(const ParsedArgs& args)
{
    featurev1::RetryRequest request;
    auto executionId = id(args);
    if (!executionId.ok())
        return executionId.error();
    request.set_id(*executionId);
    if (auto text = args.value("from-step")) {
        auto step = ArgValues::int32("from-step", *text);
        if (!step.ok())
            return step.error();
        if (*step < 0)
            return usageError("--from-step: expected a step index of 0 or more, got '" + *text +
                              "'");
        request.set_from_step(*step);
    }
    return request;
}

common::Result<featurev1::ListEventsRequest> FeatureRequests::events(const ParsedArgs& args)
{
    featurev1::ListEventsRequest request;
    auto executionId = id(args);
    if (!executionId.ok())
        return executionId.error();
    request.set_feature_execution_id(*executionId);
    if (auto text = args.value("after")) {
        auto after = ArgValues::uint64("after", *text);
        if (!after.ok())
            return after.error();
        request.set_after_sequence(*after);
    }
    for (const auto& type : ArgValues::splitList(args.values("type")))
        request.add_event_types(type);
    if (args.has("exit-status") && !args.has("follow"))
        return usageError("--exit-status needs --follow");
    return request;
}

} // namespace builder::ctl
