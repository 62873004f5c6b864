#include "git/ScratchDirectory.h"

#include "git/DirectoryRemover.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

namespace builder::git {

namespace fs = std::filesystem;

using common::Error;
using common::Result;
using common::Status;

namespace {

constexpr const char* kUniqueSuffix = "XXXXXX";

} // namespace

Result<ScratchDirectory> ScratchDirectory::nextTo(const std::string& target)
{
    const fs::path targetPath = fs::path(target).lexically_normal();
    const fs::path parent = targetPath.parent_path();
    const std::string name = targetPath.filename().string();
    if (name.empty() || name == "." || name == "..") {
        return Error::invalid("path", "path.name", "the path " + target + " names no directory");
    }
    std::error_code ec;
    if (!parent.empty()) {
        fs::create_directories(parent, ec);
        if (ec) {
            return Error::internal("cannot create directory " + parent.string() + ": " +
                                   ec.message());
        }
    }
    const std::string pattern = (parent / ("." + name + kMarker + kUniqueSuffix)).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
        return Error::internal("cannot create a directory next to " + target + ": " +
                               std::strerror(errno));
    }
    return ScratchDirectory(std::string(buffer.data()));
}

ScratchDirectory::ScratchDirectory(ScratchDirectory&& other) noexcept
    : m_path(std::exchange(other.m_path, {}))
{}

ScratchDirectory& ScratchDirectory::operator=(ScratchDirectory&& other) noexcept
{
    if (this != &other) {
        discard();
        m_path = std::exchange(other.m_path, {});
    }
    return *this;
}

ScratchDirectory::~ScratchDirectory()
{
    discard();
}

void ScratchDirectory::discard()
{
    if (!m_path.empty()) {
        // Best effort: the janitor removes whatever a failure here leaves behind.
        (void)DirectoryRemover::remove(m_path);
        m_path.clear();
    }
}

Status ScratchDirectory::publish(const std::string& target)
{
    if (std::rename(m_path.c_str(), target.c_str()) != 0) {
        const int error = errno;
        if (error == EEXIST || error == ENOTEMPTY) {
            return Error::alreadyExists("the directory " + target + " already exists");
        }
        return Error::internal("cannot move " + m_path + " to " + target + ": " +
                               std::strerror(error));
    }
    m_path.clear();
    return {};
}

std::string ScratchDirectory::targetNameOf(const std::string& name)
{
    const auto marker = name.rfind(kMarker);
    if (name.size() < 2 || name.front() != '.' || marker == std::string::npos || marker < 2) {
        return {};
    }
    return name.substr(1, marker - 1);
}

} // namespace builder::git
