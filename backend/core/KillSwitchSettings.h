#pragma once

#include "KillSwitchRuleConfig.h"
#include "common/Result.h"

#include <map>
#include <string>

namespace builder::core {

// Reads the `killswitch.*` settings of builderd's config file (and flags) into
// the rule configuration. Unknown keys and bad values are errors naming the
// key and the rule.
class KillSwitchSettings
{
public:
    static bool isKillSwitchSetting(const std::string& key);
    static common::Status apply(const std::map<std::string, std::string>& settings,
                                KillSwitchRuleConfig& config);
};

} // namespace builder::core
