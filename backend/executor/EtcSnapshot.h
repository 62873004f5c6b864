#pragma once

#include "common/Result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace builder::executor {

// The sandbox's /etc: one directory holding a copy of the host /etc entries
// toolchains read (world-readable files, directories, symbolic links) and the
// sandbox's own generated files (passwd, group, hosts, mtab). bwrap then mounts one
// directory instead of one per entry; each bind costs bwrap a pass over the
// mount table, and thirty of them were a third of a sandbox's start.
//
// A copy is named by the fingerprint of what it copied (every entry's path,
// type, mode, size, modification time and link target, and the generated
// files' contents), written under a temporary name and renamed into place,
// so it is complete or absent. The host is compared with the copy at most
// once per `recheck` interval; when the host changed, a new copy is made and
// the old one is removed once the last run using it has let go of it.
class EtcSnapshot
{
public:
    // One copy, kept on disk while a handle to it lives.
    class Copy
    {
    public:
        Copy(std::filesystem::path directory, std::string fingerprint);
        ~Copy(); // removes the directory when it was superseded
        Copy(const Copy&) = delete;
        Copy& operator=(const Copy&) = delete;

        const std::filesystem::path& directory() const { return m_directory; }
        const std::string& fingerprint() const { return m_fingerprint; }
        void supersede() { m_superseded = true; }

    private:
        std::filesystem::path m_directory;
        std::string m_fingerprint;
        std::atomic<bool> m_superseded{false};
    };

    struct Options
    {
        // Where copies live (created 0700 if missing). Empty: a private
        // directory under the system's temporary directory, removed when
        // this object goes.
        std::filesystem::path root;
        // The host directory copied from (tests use another).
        std::string hostEtc = "/etc";
        // Absolute host paths under hostEtc; missing ones are skipped.
        std::vector<std::string> sources;
        // Files written into the copy: name relative to /etc -> contents.
        std::map<std::string, std::string> generated;
        // Symbolic links made in the copy: name relative to /etc -> target.
        std::map<std::string, std::string> links;
        std::chrono::milliseconds recheck{10'000};
    };

    // Makes the first copy; fails when the root cannot be prepared or a
    // source cannot be copied.
    static common::Result<std::unique_ptr<EtcSnapshot>> create(Options options);
    ~EtcSnapshot();
    EtcSnapshot(const EtcSnapshot&) = delete;
    EtcSnapshot& operator=(const EtcSnapshot&) = delete;

    // The copy matching the host as of at most `recheck` ago. Thread-safe.
    common::Result<std::shared_ptr<const Copy>> current();

    const std::filesystem::path& root() const { return m_options.root; }

    // The fingerprint of the host entries and generated files as they are now.
    std::string fingerprint() const;

private:
    explicit EtcSnapshot(Options options) : m_options(std::move(options)) {}
    common::Result<std::shared_ptr<Copy>> materialize(const std::string& fingerprint);
    void removeStaleCopies() const;

    Options m_options;
    bool m_ownsRoot = false;
    std::mutex m_mutex;
    std::shared_ptr<Copy> m_current;
    std::chrono::steady_clock::time_point m_checked;
};

} // namespace builder::executor
