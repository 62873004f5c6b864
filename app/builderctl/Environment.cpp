#include "Environment.h"

#include <cstdlib>

namespace builder::ctl {

Environment Environment::system()
{
    return {};
}

Environment Environment::fromMap(std::map<std::string, std::string> values)
{
    Environment env;
    env.m_values = std::move(values);
    return env;
}

std::optional<std::string> Environment::get(const std::string& name) const
{
    std::string value;
    if (m_values) {
        const auto it = m_values->find(name);
        if (it != m_values->end())
            value = it->second;
    } else if (const char* raw = std::getenv(name.c_str())) {
        value = raw;
    }
    if (value.empty())
        return std::nullopt;
    return value;
}

} // namespace builder::ctl
