#pragma once

#include "Error.h"

#include "feature/repository/v1/repository.pb.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace builder::common {

// RepositoryService's request rules, with per-field helpers for the Studio's forms.
class RepositoryValidation
{
public:
    static constexpr std::size_t kNameMaxLength = 255;
    static constexpr std::size_t kQueryMaxLength = 500;

    static std::vector<Violation> validateName(std::string_view name,
                                               std::string_view path = "name");
    // Required, and a git URL GitUrl accepts; secrets embedded in it get their own message.
    static std::vector<Violation> validateUrl(std::string_view url, std::string_view path = "url");
    // Empty means "detect it"; otherwise a valid branch name.
    static std::vector<Violation> validateDefaultBranch(std::string_view branch,
                                                        std::string_view path = "default_branch");
    static std::vector<Violation>
    validateSshPrivateKey(std::string_view key,
                          std::string_view path = "credential.ssh_private_key");
    // The credential on its own, and against the repository URL unless url is
    // empty or unparseable (the URL's own rule reports that).
    static std::vector<Violation>
    validateCredential(const feature::repository::v1::Credential& credential,
                       std::string_view url = {}, std::string_view path = "credential");

    static std::vector<Violation> validate(const feature::repository::v1::RegisterRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::GetRequest& request);
    static std::vector<Violation>
    validate(const feature::repository::v1::GetByNameRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::ListRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::UpdateRequest& request);
    // url: the stored repository's URL, to check the credential fits it; skipped when empty.
    static std::vector<Violation>
    validate(const feature::repository::v1::UpdateCredentialsRequest& request,
             std::string_view url = {});
    static std::vector<Violation>
    validate(const feature::repository::v1::ValidateAccessRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::DeleteRequest& request);
};

} // namespace builder::common
