#pragma once

#include "Error.h"

#include "feature/common/v1/common.pb.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace builder::common {

// Rules for the feature.common.v1 types every service embeds.
class CommonValidation
{
public:
    static constexpr std::int32_t kPageSizeMin = 1;
    static constexpr std::int32_t kPageSizeMax = 100;
    static constexpr std::size_t kPageTokenMaxLength = 1024;
    static constexpr std::size_t kMaxProperties = 64;
    static constexpr std::size_t kPropertyKeyMaxLength = 128;
    static constexpr std::size_t kPropertyValueMaxLength = 4096;

    // 0 means the server's default page size; otherwise 1..100.
    static std::vector<Violation> validatePageSize(std::int32_t pageSize,
                                                   std::string_view path = "pagination.page_size");
    static std::vector<Violation> validatePagination(const feature::common::v1::Pagination& value,
                                                     std::string_view path = "pagination");
    // Violations are ordered by key so that reports are stable.
    static std::vector<Violation> validateProperties(const feature::common::v1::Properties& value,
                                                     std::string_view path = "properties");
};

} // namespace builder::common
