#include "RepoView.h"

#include "EnumNames.h"
#include "FieldList.h"
#include "TimeText.h"

#include <map>

namespace builder::ctl {

namespace repov1 = feature::repository::v1;

Table RepoView::table()
{
    Table table({"ID", "NAME", "PROVIDER", "DEFAULT BRANCH", "CREDENTIALS", "STATE"});
    table.setMaxWidth(1, kMaxNameColumns);
    return table;
}

std::string RepoView::credentials(const repov1::Repository& repository)
{
    if (!repository.has_credentials())
        return "none";
    return EnumNames::shortName(repov1::CredentialType_descriptor(), repository.credential_type());
}

std::string RepoView::properties(const feature::common::v1::Properties& properties)
{
    const std::map<std::string, std::string> sorted(properties.values().begin(),
                                                    properties.values().end());
    std::string out;
    for (const auto& [key, value] : sorted)
        out += (out.empty() ? "" : ", ") + key + "=" + value;
    return out;
}

std::vector<std::string> RepoView::row(const repov1::Repository& repository)
{
    return {repository.id(),
            repository.name(),
            EnumNames::shortName(repov1::GitProvider_descriptor(), repository.provider()),
            repository.default_branch(),
            credentials(repository),
            EnumNames::shortName(feature::common::v1::State_descriptor(), repository.state())};
}

std::string RepoView::details(const repov1::Repository& repository)
{
    FieldList fields;
    fields.add("id", repository.id());
    fields.add("name", repository.name());
    fields.add("url", repository.url());
    fields.add("provider",
               EnumNames::shortName(repov1::GitProvider_descriptor(), repository.provider()));
    fields.add("default branch", repository.default_branch());
    fields.add("credentials", credentials(repository));
    fields.add("state",
               EnumNames::shortName(feature::common::v1::State_descriptor(), repository.state()));
    fields.addIfSet("properties", properties(repository.properties()));
    fields.add("created", TimeText::format(repository.created_at()));
    fields.add("updated", TimeText::format(repository.updated_at()));
    if (repository.has_last_accessed_at())
        fields.add("last accessed", TimeText::format(repository.last_accessed_at()));
    return fields.toString();
}

std::string RepoView::validation(const repov1::ValidateAccessResponse& response)
{
    std::string permissions;
    for (const int permission : response.permissions())
        permissions += (permissions.empty() ? "" : ", ") +
                       EnumNames::shortName(repov1::Permission_descriptor(), permission);
    FieldList fields;
    fields.add("valid", response.valid() ? "true" : "false");
    fields.addIfSet("error", response.error());
    fields.add("permissions", permissions.empty() ? "none" : permissions);
    return fields.toString();
}

} // namespace builder::ctl
