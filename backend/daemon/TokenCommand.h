#pragma once

#include <string>
#include <vector>

namespace builder::daemon {

// `builderd token create --data-dir DIR --user NAME --role ROLE [--ttl DURATION]`:
// prints the new token alone on stdout.
class TokenCommand
{
public:
    static int run(const std::vector<std::string>& args);
    // "90s", "15m", "12h", "30d"; returns -1 when malformed.
    static long long parseDurationSeconds(const std::string& text);
};

} // namespace builder::daemon
