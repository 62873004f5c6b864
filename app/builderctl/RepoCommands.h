#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

#include <string>
#include <vector>

namespace builder::ctl {

class Session;

// The "repo" commands: their options, and one RepositoryService call each.
class RepoCommands
{
public:
    static constexpr const char* kGroup = "repo";

    static std::vector<CommandSpec> specs();
    static int run(const std::string& verb, const ParsedArgs& args, Session& session);

private:
    static int registerRepository(const ParsedArgs& args, Session& session);
    static int list(const ParsedArgs& args, Session& session);
    static int get(const ParsedArgs& args, Session& session);
    static int update(const ParsedArgs& args, Session& session);
    static int credentials(const ParsedArgs& args, Session& session);
    static int validate(const ParsedArgs& args, Session& session);
    static int remove(const ParsedArgs& args, Session& session);
};

} // namespace builder::ctl
