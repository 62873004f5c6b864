#include "RepositoryValidation.h"

#include "CommonValidation.h"
#include "ConstraintId.h"
#include "FieldRules.h"
#include "GitUrl.h"

#include <array>
#include <string>

namespace builder::common {

namespace rv1 = feature::repository::v1;
using R = FieldRules;

namespace {

constexpr std::string_view kAcceptedUrlForms =
    "accepted forms are https://host/path, http://host/path, ssh://[user@]host[:port]/path, "
    "[user@]host:path, git://host/path, file:///path, /absolute/path, ./relative/path";

struct CredentialField
{
    std::string_view name;
    const std::string& (rv1::Credential::*get)() const;
    rv1::CredentialType owner;
};

const std::array<CredentialField, 6> kCredentialFields = {{
    {"ssh_private_key", &rv1::Credential::ssh_private_key, rv1::CREDENTIAL_TYPE_SSH_KEY},
    {"token", &rv1::Credential::token, rv1::CREDENTIAL_TYPE_TOKEN},
    {"username", &rv1::Credential::username, rv1::CREDENTIAL_TYPE_BASIC},
    {"password", &rv1::Credential::password, rv1::CREDENTIAL_TYPE_BASIC},
    {"oauth_token", &rv1::Credential::oauth_token, rv1::CREDENTIAL_TYPE_OAUTH},
    {"oauth_refresh_token", &rv1::Credential::oauth_refresh_token, rv1::CREDENTIAL_TYPE_OAUTH},
}};

// Fields a type cannot work without (oauth_refresh_token is optional for OAUTH).
bool isRequiredFor(std::string_view field, rv1::CredentialType type)
{
    switch (type) {
    case rv1::CREDENTIAL_TYPE_SSH_KEY:
        return field == "ssh_private_key";
    case rv1::CREDENTIAL_TYPE_TOKEN:
        return field == "token";
    case rv1::CREDENTIAL_TYPE_BASIC:
        return field == "username" || field == "password";
    case rv1::CREDENTIAL_TYPE_OAUTH:
        return field == "oauth_token";
    default:
        return false;
    }
}

std::string typeName(rv1::CredentialType type)
{
    constexpr std::string_view kPrefix = "CREDENTIAL_TYPE_";
    std::string name = rv1::CredentialType_Name(type);
    if (name.starts_with(kPrefix))
        name.erase(0, kPrefix.size());
    return name;
}

std::string_view trimLeft(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view{} : text.substr(first);
}

} // namespace

std::vector<Violation> RepositoryValidation::validateName(std::string_view name,
                                                          std::string_view path)
{
    std::vector<Violation> out = R::length(path, name, 1, kNameMaxLength);
    R::append(out, R::notBlank(path, name));
    return out;
}

std::vector<Violation> RepositoryValidation::validateUrl(std::string_view url,
                                                         std::string_view path)
{
    if (url.empty())
        return R::required(path);
    if (GitUrl::hasEmbeddedCredentials(url))
        return {Violation{std::string(path), std::string(ConstraintId::kStringUri),
                          "value must not embed credentials; remove them from the URL and put "
                          "the secret in the credential instead"}};
    const std::string problem = GitUrl::problem(url);
    if (!problem.empty())
        return {Violation{std::string(path), std::string(ConstraintId::kStringUri),
                          "value must be a valid git URL (" + problem + "); " +
                              std::string(kAcceptedUrlForms)}};
    return {};
}

std::vector<Violation> RepositoryValidation::validateDefaultBranch(std::string_view branch,
                                                                   std::string_view path)
{
    if (branch.empty())
        return {};
    return R::branchName(path, branch);
}

std::vector<Violation> RepositoryValidation::validateSshPrivateKey(std::string_view key,
                                                                   std::string_view path)
{
    if (key.empty())
        return R::required(path);
    const std::string_view text = trimLeft(key);
    const std::string_view header = text.substr(0, text.find('\n'));
    if (header.starts_with("-----BEGIN ") &&
        header.find("PRIVATE KEY-----") != std::string_view::npos)
        return {};
    const bool publicKey = text.starts_with("ssh-") || text.starts_with("ecdsa-") ||
                           text.starts_with("sk-") ||
                           header.find("PUBLIC KEY") != std::string_view::npos;
    return {Violation{std::string(path), std::string(ConstraintId::kStringSshPrivateKey),
                      publicKey ? "value is a public key; paste the private key "
                                  "(-----BEGIN ... PRIVATE KEY-----) instead"
                                : "value must be a PEM or OpenSSH private key "
                                  "(-----BEGIN ... PRIVATE KEY-----)"}};
}

std::vector<Violation> RepositoryValidation::validateCredential(const rv1::Credential& credential,
                                                                std::string_view url,
                                                                std::string_view path)
{
    std::vector<Violation> out =
        R::specifiedEnum(R::join(path, "type"), credential.type(), &rv1::CredentialType_IsValid,
                         "CREDENTIAL_TYPE_UNSPECIFIED");
    if (!out.empty())
        return out; // without a type, no field can be judged required or foreign

    const rv1::CredentialType type = credential.type();
    for (const CredentialField& field : kCredentialFields) {
        const std::string& value = (credential.*field.get)();
        const std::string fieldPath = R::join(path, field.name);
        if (field.owner != type) {
            if (!value.empty())
                out.push_back(Violation{fieldPath, std::string(ConstraintId::kCredentialFields),
                                        "value must be empty for a " + typeName(type) +
                                            " credential; it belongs to " + typeName(field.owner) +
                                            " credentials"});
        } else if (field.name == "ssh_private_key") {
            R::append(out, validateSshPrivateKey(value, fieldPath));
        } else if (isRequiredFor(field.name, type) && value.empty()) {
            R::append(out, R::required(fieldPath));
        }
    }

    if (!url.empty()) {
        if (const auto parsed = GitUrl::parse(url)) {
            const auto transport = parsed->transport();
            const bool sshKey = type == rv1::CREDENTIAL_TYPE_SSH_KEY;
            const bool fits = sshKey ? transport == GitUrl::Transport::Ssh
                                     : transport == GitUrl::Transport::Https ||
                                           transport == GitUrl::Transport::Http;
            if (!fits)
                out.push_back(Violation{std::string(path),
                                        std::string(ConstraintId::kCredentialMatchesUrl),
                                        "a " + typeName(type) + " credential needs " +
                                            (sshKey ? "an ssh:// or [user@]host:path URL"
                                                    : "an https:// or http:// URL")});
        }
    }
    return out;
}

std::vector<Violation> RepositoryValidation::validate(const rv1::RegisterRequest& request)
{
    std::vector<Violation> out = validateName(request.name());
    R::append(out, validateUrl(request.url()));
    R::append(out, validateDefaultBranch(request.default_branch()));
    if (request.has_credential())
        R::append(out, validateCredential(request.credential(), request.url()));
    if (request.has_properties())
        R::append(out, CommonValidation::validateProperties(request.properties()));
    return out;
}

std::vector<Violation> RepositoryValidation::validate(const rv1::GetRequest& request)
{
    return R::uuid("id", request.id());
}

std::vector<Violation> RepositoryValidation::validate(const rv1::GetByNameRequest& request)
{
    return R::length("name", request.name(), 1, kNameMaxLength);
}

std::vector<Violation> RepositoryValidation::validate(const rv1::ListRequest& request)
{
    std::vector<Violation> out = R::maxLength("query", request.query(), kQueryMaxLength);
    for (int i = 0; i < request.states_size(); ++i)
        R::append(out, R::specifiedEnum(R::indexed("states", static_cast<std::size_t>(i)),
                                        request.states().Get(i),
                                        &feature::common::v1::State_IsValid, "STATE_UNSPECIFIED"));
    if (request.has_pagination())
        R::append(out, CommonValidation::validatePagination(request.pagination()));
    return out;
}

std::vector<Violation> RepositoryValidation::validate(const rv1::UpdateRequest& request)
{
    std::vector<Violation> out = R::uuid("id", request.id());
    if (request.has_name())
        R::append(out, validateName(request.name()));
    // Present means "set it to this": an empty branch is not a branch.
    if (request.has_default_branch())
        R::append(out, R::branchName("default_branch", request.default_branch()));
    if (request.has_properties())
        R::append(out, CommonValidation::validateProperties(request.properties()));
    return out;
}

std::vector<Violation> RepositoryValidation::validate(const rv1::UpdateCredentialsRequest& request,
                                                      std::string_view url)
{
    std::vector<Violation> out = R::uuid("id", request.id());
    if (request.has_credential())
        R::append(out, validateCredential(request.credential(), url));
    else
        R::append(out, R::required("credential"));
    return out;
}

std::vector<Violation> RepositoryValidation::validate(const rv1::ValidateAccessRequest& request)
{
    return R::uuid("id", request.id());
}

std::vector<Violation> RepositoryValidation::validate(const rv1::DeleteRequest& request)
{
    return R::uuid("id", request.id());
}

} // namespace builder::common
