#include "AnalysisValidation.h"

#include "ConstraintId.h"
#include "FieldRules.h"
#include "GitRefName.h"

namespace builder::common {

std::vector<Violation>
AnalysisValidation::validate(const feature::analysis::v1::LocalizeRequest& request)
{
    std::vector<Violation> out = FieldRules::uuid("repository_id", request.repository_id());
    FieldRules::append(out, FieldRules::length("text", request.text(), 1, kTextMaxLength));
    FieldRules::append(out, FieldRules::notBlank("text", request.text()));
    if (request.top_k() < 0)
        out.push_back({"top_k", std::string(ConstraintId::kInt32Gte),
                       "value must be greater than or equal to 0"});
    else if (request.top_k() > kTopKMax)
        out.push_back({"top_k", std::string(ConstraintId::kInt32Lte),
                       "value must be less than or equal to " + std::to_string(kTopKMax)});
    if (request.token_budget() < 0)
        out.push_back({"token_budget", std::string(ConstraintId::kInt32Gte),
                       "value must be greater than or equal to 0"});
    else if (request.token_budget() > kTokenBudgetMax)
        out.push_back({"token_budget", std::string(ConstraintId::kInt32Lte),
                       "value must be less than or equal to " + std::to_string(kTokenBudgetMax)});
    if (!request.ref().empty())
        if (const auto problem = GitRefName::branchNameProblem(request.ref()); !problem.empty())
            out.push_back({"ref", "string.git_ref", problem});
    return out;
}

} // namespace builder::common
