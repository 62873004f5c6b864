#include "ParsedArgs.h"

namespace builder::ctl {

void ParsedArgs::add(const std::string& name, std::string value)
{
    m_values[name].push_back(std::move(value));
}

void ParsedArgs::addPositional(std::string value)
{
    m_positionals.push_back(std::move(value));
}

bool ParsedArgs::has(const std::string& name) const
{
    return m_values.count(name) != 0;
}

std::optional<std::string> ParsedArgs::value(const std::string& name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

const std::vector<std::string>& ParsedArgs::values(const std::string& name) const
{
    static const std::vector<std::string> kNone;
    const auto it = m_values.find(name);
    return it == m_values.end() ? kNone : it->second;
}

} // namespace builder::ctl
