#pragma once

#include "Error.h"
#include "FeatureValidation.h"
#include "RepositoryValidation.h"

#include <string_view>
#include <vector>

namespace builder::common {

// One entry point for every request's rules: Validation::validate(request)
// returns all violations (empty when valid). Field-level helpers live in
// FeatureValidation, RepositoryValidation and CommonValidation.
class Validation
{
public:
    static std::vector<Violation> validate(const feature::feature::v1::CreateRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::GetRequest& request);
    static std::vector<Violation>
    validate(const feature::feature::v1::GetByCorrelationRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::SearchRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::CancelRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::RetryRequest& request);
    static std::vector<Violation> validate(const feature::feature::v1::ListEventsRequest& request);
    static std::vector<Violation>
    validate(const feature::feature::v1::GetArtifactsRequest& request);

    static std::vector<Violation> validate(const feature::repository::v1::RegisterRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::GetRequest& request);
    static std::vector<Violation>
    validate(const feature::repository::v1::GetByNameRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::ListRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::UpdateRequest& request);
    static std::vector<Violation>
    validate(const feature::repository::v1::UpdateCredentialsRequest& request,
             std::string_view repositoryUrl = {});
    static std::vector<Violation>
    validate(const feature::repository::v1::ValidateAccessRequest& request);
    static std::vector<Violation> validate(const feature::repository::v1::DeleteRequest& request);
};

} // namespace builder::common
