#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace builder::ctl {

// The options and positionals of one invocation, by option name.
class ParsedArgs
{
public:
    void add(const std::string& name, std::string value);
    void addPositional(std::string value);

    bool has(const std::string& name) const;
    // The last value given for the option.
    std::optional<std::string> value(const std::string& name) const;
    // Every value, in command-line order; empty when the option is absent.
    const std::vector<std::string>& values(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::string> m_positionals;
};

} // namespace builder::ctl
