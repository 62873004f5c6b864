#pragma once

#include <string>
#include <utility>
#include <vector>

namespace builder::ctl {

// One object as "key: value" lines with the values aligned. Lines of a
// multi-line value continue under the first one.
class FieldList
{
public:
    void add(std::string key, std::string value);
    // Skips empty values, for fields that only matter when set.
    void addIfSet(std::string key, std::string value);
    std::string toString() const;

private:
    std::vector<std::pair<std::string, std::string>> m_fields;
};

} // namespace builder::ctl
