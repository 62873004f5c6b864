#pragma once

#include "Table.h"
#include "feature/repository/v1/repository.pb.h"

#include <string>
#include <vector>

namespace builder::ctl {

// How repositories read in a terminal: the list table and the detail block.
class RepoView
{
public:
    static constexpr int kMaxNameColumns = 40;

    static Table table();
    static std::vector<std::string> row(const feature::repository::v1::Repository& repository);
    static std::string details(const feature::repository::v1::Repository& repository);
    static std::string validation(const feature::repository::v1::ValidateAccessResponse& response);
    // The credential type, or "none": the secret itself is never returned.
    static std::string credentials(const feature::repository::v1::Repository& repository);
    // "a=1, b=2" with keys sorted, so output does not depend on map order.
    static std::string properties(const feature::common::v1::Properties& properties);
};

} // namespace builder::ctl
