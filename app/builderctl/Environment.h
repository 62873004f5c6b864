#pragma once

#include <map>
#include <optional>
#include <string>

namespace builder::ctl {

// Reads environment variables. Tests substitute a fixed map so resolution
// order is checked without touching the process environment.
class Environment
{
public:
    static Environment system();
    static Environment fromMap(std::map<std::string, std::string> values);

    // The value, or nullopt when unset or empty: an exported empty variable is
    // almost always a script bug, never a meaningful setting.
    std::optional<std::string> get(const std::string& name) const;

private:
    std::optional<std::map<std::string, std::string>> m_values;
};

} // namespace builder::ctl
