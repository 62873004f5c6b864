#include "RepoRequests.h"

#include "ArgValues.h"
#include "CredentialArgs.h"
#include "PageArgs.h"
#include "UsageError.h"

namespace builder::ctl {

namespace repov1 = feature::repository::v1;

namespace {

common::Result<bool> applyProperties(const ParsedArgs& args,
                                     feature::common::v1::Properties& properties)
{
    if (!args.has("property"))
        return false;
    auto parsed = ArgValues::properties("property", args.values("property"));
    if (!parsed.ok())
        return parsed.error();
    properties.mutable_values()->insert(parsed->begin(), parsed->end());
    return true;
}

common::Result<std::string> required(const ParsedArgs& args, const std::string& option,
                                     const std::string& valueName)
{
    auto value = args.value(option);
    if (!value || value->empty())
        return usageError("missing --" + option + " " + valueName);
    return *value;
}

} // namespace

common::Result<std::string> RepoRequests::id(const ParsedArgs& args)
{
    if (args.positionals().empty() || args.positionals().front().empty())
        return usageError("missing repository ID");
    return args.positionals().front();
}

common::Result<repov1::RegisterRequest> RepoRequests::registerRequest(const ParsedArgs& args,
                                                                      const Environment& env)
{
    repov1::RegisterRequest request;
    auto name = required(args, "name", "NAME");
    if (!name.ok())
        return name.error();
    auto url = required(args, "url", "URL");
    if (!url.ok())
        return url.error();
    request.set_name(*name);
    request.set_url(*url);
    request.set_default_branch(args.value("default-branch").value_or(""));
    auto credential = CredentialArgs::build(args, env);
    if (!credential.ok())
        return credential.error();
    if (*credential)
        *request.mutable_credential() = std::move(**credential);
    if (auto properties = applyProperties(args, *request.mutable_properties()); !properties.ok())
        return properties.error();
    return request;
}

common::Result<repov1::ListRequest> RepoRequests::list(const ParsedArgs& args)
{
    repov1::ListRequest request;
    request.set_query(args.value("query").value_or(""));
    auto states = ArgValues::enumValues("state", args.values("state"),
                                        feature::common::v1::State_descriptor());
    if (!states.ok())
        return states.error();
    for (const int state : *states)
        request.add_states(static_cast<feature::common::v1::State>(state));
    feature::common::v1::Pagination pagination;
    auto paged = PageArgs::apply(args, pagination);
    if (!paged.ok())
        return paged.error();
    if (*paged)
        *request.mutable_pagination() = pagination;
    return request;
}

common::Result<repov1::UpdateRequest> RepoRequests::update(const ParsedArgs& args)
{
    repov1::UpdateRequest request;
    auto repositoryId = id(args);
    if (!repositoryId.ok())
        return repositoryId.error();
    request.set_id(*repositoryId);
    if (auto name = args.value("name"))
        request.set_name(*name);
    if (auto branch = args.value("default-branch"))
        request.set_default_branch(*branch);
    auto properties = applyProperties(args, *request.mutable_properties());
    if (!properties.ok())
        return properties.error();
    if (!*properties)
        request.clear_properties();
    if (!request.has_name() && !request.has_default_branch() && !request.has_properties())
        return usageError("nothing to update: give --name, --default-branch or --property");
    return request;
}

common::Result<repov1::UpdateCredentialsRequest> RepoRequests::credentials(const ParsedArgs& args,
                                                                           const Environment& env)
{
    repov1::UpdateCredentialsRequest request;
    auto repositoryId = id(args);
    if (!repositoryId.ok())
        return repositoryId.error();
    request.set_id(*repositoryId);
    auto credential = CredentialArgs::build(args, env);
    if (!credential.ok())
        return credential.error();
    if (!*credential)
        return usageError("missing credential: give --credential-type and its secret option "
                          "(--ssh-key-file, --token-env, --password-env or --oauth-token-env)");
    *request.mutable_credential() = std::move(**credential);
    return request;
}

} // namespace builder::ctl
