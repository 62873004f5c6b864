#include "Validation.h"

namespace builder::common {

std::vector<Violation> Validation::validate(const feature::feature::v1::CreateRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::feature::v1::GetRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation>
Validation::validate(const feature::feature::v1::GetByCorrelationRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::feature::v1::SearchRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::feature::v1::CancelRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::feature::v1::RetryRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::feature::v1::ListEventsRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation>
Validation::validate(const feature::feature::v1::GetArtifactsRequest& request)
{
    return FeatureValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::repository::v1::RegisterRequest& request)
{
    return RepositoryValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::repository::v1::GetRequest& request)
{
    return RepositoryValidation::validate(request);
}

std::vector<Violation>
Validation::validate(const feature::repository::v1::GetByNameRequest& request)
{
    return RepositoryValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::repository::v1::ListRequest& request)
{
    return RepositoryValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::repository::v1::UpdateRequest& request)
{
    return RepositoryValidation::validate(request);
}

std::vector<Violation>
Validation::validate(const feature::repository::v1::UpdateCredentialsRequest& request,
                     std::string_view repositoryUrl)
{
    return RepositoryValidation::validate(request, repositoryUrl);
}

std::vector<Violation>
Validation::validate(const feature::repository::v1::ValidateAccessRequest& request)
{
    return RepositoryValidation::validate(request);
}

std::vector<Violation> Validation::validate(const feature::repository::v1::DeleteRequest& request)
{
    return RepositoryValidation::validate(request);
}

} // namespace builder::common
