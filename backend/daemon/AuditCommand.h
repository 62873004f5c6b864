#pragma once

#include <string>
#include <vector>

namespace builder::daemon {

// `builderd audit verify [--data-dir DIR]`: walks the whole audit chain in the
// database and reports the first edited, removed or reordered entry. Exit 0
// when intact, 1 when broken (or unreadable), 2 on usage errors.
class AuditCommand
{
public:
    static int run(const std::vector<std::string>& args);
};

} // namespace builder::daemon
