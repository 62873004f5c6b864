#include "localize/DirectoryWalker.h"

#include "localize/GitignoreMatcher.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace builder::localize {

namespace {

std::string readSmallFile(int dirFd, const char* name)
{
    std::string content;
    const int fd = ::openat(dirFd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return content;
    char buffer[16384];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
        content.append(buffer, static_cast<std::size_t>(n));
        if (content.size() > (1u << 20))
            break; // a megabyte of ignore rules is not a real .gitignore
    }
    ::close(fd);
    return content;
}

class Walker
{
public:
    explicit Walker(std::vector<WalkedFile>& out) : m_out(out) {}

    // `relative` is "" for the root, else "a/b".
    void walk(int dirFd, const std::string& relative)
    {
        const bool hasIgnore = ::faccessat(dirFd, ".gitignore", R_OK, 0) == 0;
        if (hasIgnore)
            m_matcher.add(relative, readSmallFile(dirFd, ".gitignore"));
        DIR* dir = ::fdopendir(dirFd);
        if (dir == nullptr) {
            ::close(dirFd);
            return;
        }
        struct Entry
        {
            std::string name;
            unsigned char type;
        };
        std::vector<Entry> entries;
        while (const dirent* entry = ::readdir(dir)) {
            const char* name = entry->d_name;
            if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0 ||
                std::strcmp(name, ".git") == 0)
                continue;
            entries.push_back({name, entry->d_type});
        }
        for (const auto& entry : entries) {
            const std::string path = relative.empty() ? entry.name : relative + "/" + entry.name;
            struct stat st
            {};
            if (::fstatat(::dirfd(dir), entry.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            const bool isDir = S_ISDIR(st.st_mode);
            if (m_matcher.matches(path, isDir))
                continue;
            if (isDir) {
                const int child = ::openat(::dirfd(dir), entry.name.c_str(),
                                           O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
                if (child >= 0)
                    walk(child, path);
                continue;
            }
            if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
                continue; // sockets, fifos, devices
            WalkedFile file;
            file.path = path;
            file.size = static_cast<std::uint64_t>(st.st_size);
            file.mtimeNanoseconds =
                static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
            file.symlink = S_ISLNK(st.st_mode);
            m_out.push_back(std::move(file));
        }
        ::closedir(dir);
        if (hasIgnore)
            m_matcher.remove(relative);
    }

private:
    std::vector<WalkedFile>& m_out;
    GitignoreMatcher m_matcher;
};

} // namespace

common::Result<std::vector<WalkedFile>> DirectoryWalker::walk(const std::string& root)
{
    const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return common::Error::notFound(
            "folder " + root + " does not exist or cannot be read: " + std::strerror(errno));
    std::vector<WalkedFile> files;
    Walker(files).walk(fd, "");
    std::sort(files.begin(), files.end(),
              [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; });
    return files;
}

} // namespace builder::localize
