#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace builder::executor {

// The bwrap argument vector of one run: namespaces, the read-only system, the
// writable workspace, private /tmp and $HOME, the /etc snapshot (host entries
// toolchains need and a generated passwd, group and hosts, see EtcSnapshot),
// the cleared environment and the seccomp filter. Pure: it only reads
// which host paths exist, so tests can inspect what is and is not mounted.
class BubblewrapCommandLine
{
public:
    // Descriptor numbers as bwrap sees them.
    static constexpr int kSeccompFd = 3;
    static constexpr int kStatusFd = 4;
    // The uid/gid the command sees inside (mapped to the host sandbox uid).
    static constexpr unsigned kInsideUid = 1000;
    static constexpr const char* kHome = "/home/builder";

    struct Input
    {
        std::string bwrap;
        std::string workspaceSource; // host path (or staging path) of the workspace
        std::string etcSource;       // host path (or staging path) of the /etc snapshot
        bool protectGit = false;     // mount <workspace>/.git read-only over itself
        std::string cwdInside;       // absolute, inside the sandbox
        std::uint64_t tmpfsBytes = 0;
        bool allowNetwork = false;
        std::vector<std::string> extraReadOnlyPaths;
        std::map<std::string, std::string> env; // the complete environment
        std::vector<std::string> command;
    };

    static std::vector<std::string> build(const Input& input);

    // The host /etc entries the snapshot copies when present.
    static const std::vector<std::string>& etcPaths();
    // The snapshot's generated files and links (names relative to /etc).
    static std::map<std::string, std::string> generatedEtcFiles();
    static std::map<std::string, std::string> generatedEtcLinks();
    // The environment every command starts from.
    static std::map<std::string, std::string> baseEnvironment(const std::string& workspaceInside);
};

} // namespace builder::executor
