#pragma once

#include "common/Result.h"

#include <string>

namespace builder::git {

// A hidden, uniquely named directory next to a target path, where a repository is
// built before one rename publishes it: a crash or an error never leaves a
// half-written repository at the target. Deleted on destruction unless published.
class ScratchDirectory
{
public:
    static constexpr const char* kMarker = ".partial-";

    // Creates "<parent of target>/.<name of target>.partial-XXXXXX" (and the parent).
    static common::Result<ScratchDirectory> nextTo(const std::string& target);

    ScratchDirectory(ScratchDirectory&& other) noexcept;
    ScratchDirectory& operator=(ScratchDirectory&& other) noexcept;
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    ~ScratchDirectory();

    const std::string& path() const { return m_path; }

    // Renames the directory to target, which must not exist or be an empty directory.
    common::Status publish(const std::string& target);

    // The name of the target a scratch directory name was made for, or empty when
    // name is not a scratch directory name.
    static std::string targetNameOf(const std::string& name);

private:
    explicit ScratchDirectory(std::string path) : m_path(std::move(path)) {}
    void discard();

    std::string m_path;
};

} // namespace builder::git
