#include "CommonValidation.h"

#include "ConstraintId.h"
#include "FieldRules.h"

#include <algorithm>
#include <string>

namespace builder::common {

std::vector<Violation> CommonValidation::validatePageSize(std::int32_t pageSize,
                                                          std::string_view path)
{
    return FieldRules::int32RangeOrDefault(path, pageSize, kPageSizeMin, kPageSizeMax);
}

std::vector<Violation>
CommonValidation::validatePagination(const feature::common::v1::Pagination& value,
                                     std::string_view path)
{
    std::vector<Violation> out =
        validatePageSize(value.page_size(), FieldRules::join(path, "page_size"));
    FieldRules::append(out, FieldRules::maxLength(FieldRules::join(path, "page_token"),
                                                  value.page_token(), kPageTokenMaxLength));
    return out;
}

std::vector<Violation>
CommonValidation::validateProperties(const feature::common::v1::Properties& value,
                                     std::string_view path)
{
    const std::string valuesPath = FieldRules::join(path, "values");
    std::vector<Violation> out;
    if (value.values_size() > static_cast<int>(kMaxProperties)) {
        out.push_back(
            Violation{valuesPath, std::string(ConstraintId::kMapMaxPairs),
                      "map must contain at most " + std::to_string(kMaxProperties) + " entries"});
    }

    std::vector<const std::string*> keys;
    keys.reserve(static_cast<std::size_t>(value.values_size()));
    for (const auto& [key, entry] : value.values())
        keys.push_back(&key);
    std::sort(keys.begin(), keys.end(), [](const auto* a, const auto* b) { return *a < *b; });

    for (const std::string* key : keys) {
        const std::string entryPath = FieldRules::keyed(valuesPath, *key);
        // The same path serves key and value; the message says which one broke.
        FieldRules::append(out,
                           FieldRules::length(entryPath, *key, 1, kPropertyKeyMaxLength, "key"));
        FieldRules::append(out, FieldRules::maxLength(entryPath, value.values().at(*key),
                                                      kPropertyValueMaxLength));
    }
    return out;
}

} // namespace builder::common
