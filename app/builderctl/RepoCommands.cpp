#include "RepoCommands.h"

#include "CredentialArgs.h"
#include "ExitCode.h"
#include "FieldList.h"
#include "PageArgs.h"
#include "RepoRequests.h"
#include "RepoView.h"
#include "Session.h"
#include "UsageError.h"

namespace builder::ctl {

namespace repov1 = feature::repository::v1;

namespace {

const OptionSpec kProperty{"property", "KEY=VALUE", "Property to set (repeatable)", true};

std::vector<OptionSpec> concat(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::string detailsOf(const repov1::Repository& repository)
{
    return RepoView::details(repository);
}

} // namespace

std::vector<CommandSpec> RepoCommands::specs()
{
    const std::string secrets = "Secrets are read from a file or an environment variable, never "
                                "from an argument: arguments show up in process lists.";
    return {
        {kGroup, "register", "--name NAME --url URL [options]", "Register a git repository",
         secrets + "\nExample:\n  GIT_TOKEN=... builderctl repo register --name api --url "
                   "https://github.com/acme/api.git --token-env GIT_TOKEN",
         0, 0,
         concat({{"name", "NAME", "Repository name (required)"},
                 {"url", "URL", "Git URL to clone from (required)"},
                 {"default-branch", "BRANCH", "Default branch (detected when omitted)"}},
                concat(CredentialArgs::options(), {kProperty}))},
        {kGroup, "list", "[options]", "List repositories",
         "With more results than fit a page, the line after the table names the --page-token "
         "of the next page (on stderr with --json).",
         0, 0,
         concat({{"query", "TEXT", "Only repositories matching TEXT"},
                 {"state", "STATE",
                  "active, inactive or deleted; repeat or comma-separate for several", true}},
                PageArgs::options())},
        {kGroup,
         "get",
         "ID | --name NAME",
         "Show one repository",
         "",
         0,
         1,
         {{"name", "NAME", "Look the repository up by name instead of ID"}}},
        {kGroup,
         "update",
         "ID [--name NAME] [--default-branch BRANCH] [--property KEY=VALUE ...]",
         "Change a repository's name, default branch or properties",
         "",
         1,
         1,
         {{"name", "NAME", "New name"},
          {"default-branch", "BRANCH", "New default branch"},
          kProperty}},
        {kGroup, "credentials", "ID --credential-type TYPE <secret option>",
         "Replace a repository's stored credentials", secrets, 1, 1, CredentialArgs::options()},
        {kGroup,
         "validate",
         "ID",
         "Check that builderd can reach the repository",
         "Uses the stored credentials. Exits with 1 when access fails, so scripts can gate on "
         "it.",
         1,
         1,
         {}},
        {kGroup, "delete", "ID", "Delete a repository", "", 1, 1, {}},
    };
}

int RepoCommands::run(const std::string& verb, const ParsedArgs& args, Session& session)
{
    if (verb == "register")
        return registerRepository(args, session);
    if (verb == "list")
        return list(args, session);
    if (verb == "get")
        return get(args, session);
    if (verb == "update")
        return update(args, session);
    if (verb == "credentials")
        return credentials(args, session);
    if (verb == "validate")
        return validate(args, session);
    if (verb == "delete")
        return remove(args, session);
    return session.usage(usageError("unknown command 'repo " + verb + "'"));
}

int RepoCommands::registerRepository(const ParsedArgs& args, Session& session)
{
    auto request = RepoRequests::registerRequest(args, session.environment());
    if (!request.ok())
        return session.usage(request.error());
    return session.callAndPrint<repov1::RegisterResponse>(
        [&](grpc::ClientContext& context, repov1::RegisterResponse& response) {
            return session.repositories().Register(&context, *request, &response);
        },
        [](const repov1::RegisterResponse& response) { return detailsOf(response.repository()); });
}

int RepoCommands::list(const ParsedArgs& args, Session& session)
{
    auto request = RepoRequests::list(args);
    if (!request.ok())
        return session.usage(request.error());
    return session.listAndPrint<repov1::ListResponse>(
        [&](grpc::ClientContext& context) {
            return session.repositories().List(&context, *request);
        },
        RepoView::table(),
        [](const repov1::ListResponse& response) { return RepoView::row(response.repository()); },
        "repositories");
}

int RepoCommands::get(const ParsedArgs& args, Session& session)
{
    const bool byName = args.has("name");
    if (byName == !args.positionals().empty())
        return session.usage(usageError("give either a repository ID or --name NAME"));
    if (byName) {
        repov1::GetByNameRequest request;
        request.set_name(*args.value("name"));
        return session.callAndPrint<repov1::GetByNameResponse>(
            [&](grpc::ClientContext& context, repov1::GetByNameResponse& response) {
                return session.repositories().GetByName(&context, request, &response);
            },
            [](const repov1::GetByNameResponse& response) {
                return detailsOf(response.repository());
            });
    }
    repov1::GetRequest request;
    request.set_id(args.positionals().front());
    return session.callAndPrint<repov1::GetResponse>(
        [&](grpc::ClientContext& context, repov1::GetResponse& response) {
            return session.repositories().Get(&context, request, &response);
        },
        [](const repov1::GetResponse& response) { return detailsOf(response.repository()); });
}

int RepoCommands::update(const ParsedArgs& args, Session& session)
{
    auto request = RepoRequests::update(args);
    if (!request.ok())
        return session.usage(request.error());
    return session.callAndPrint<repov1::UpdateResponse>(
        [&](grpc::ClientContext& context, repov1::UpdateResponse& response) {
            return session.repositories().Update(&context, *request, &response);
        },
        [](const repov1::UpdateResponse& response) { return detailsOf(response.repository()); });
}

int RepoCommands::credentials(const ParsedArgs& args, Session& session)
{
    auto request = RepoRequests::credentials(args, session.environment());
    if (!request.ok())
        return session.usage(request.error());
    return session.callAndPrint<repov1::UpdateCredentialsResponse>(
        [&](grpc::ClientContext& context, repov1::UpdateCredentialsResponse& response) {
            return session.repositories().UpdateCredentials(&context, *request, &response);
        },
        [](const repov1::UpdateCredentialsResponse& response) {
            return detailsOf(response.repository());
        });
}

int RepoCommands::validate(const ParsedArgs& args, Session& session)
{
    auto id = RepoRequests::id(args);
    if (!id.ok())
        return session.usage(id.error());
    repov1::ValidateAccessRequest request;
    request.set_id(*id);
    bool valid = false;
    const int code = session.callAndPrint<repov1::ValidateAccessResponse>(
        [&](grpc::ClientContext& context, repov1::ValidateAccessResponse& response) {
            const auto status = session.repositories().ValidateAccess(&context, request, &response);
            valid = response.valid();
            return status;
        },
        [](const repov1::ValidateAccessResponse& response) {
            return RepoView::validation(response);
        });
    if (code != 0 || valid)
        return code;
    session.err() << "error: repository access failed\n";
    return toInt(ExitCode::ServerError);
}

int RepoCommands::remove(const ParsedArgs& args, Session& session)
{
    auto id = RepoRequests::id(args);
    if (!id.ok())
        return session.usage(id.error());
    repov1::DeleteRequest request;
    request.set_id(*id);
    return session.callAndPrint<repov1::DeleteResponse>(
        [&](grpc::ClientContext& context, repov1::DeleteResponse& response) {
            return session.repositories().Delete(&context, request, &response);
        },
        [&](const repov1::DeleteResponse& response) {
            FieldList fields;
            fields.add("id", *id);
            fields.add("deleted", response.deleted() ? "true" : "false");
            return fields.toString();
        });
}

} // namespace builder::ctl
