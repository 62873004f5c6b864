#include "localize/FileReader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace builder::localize {

FileReader::Info FileReader::read(const std::string& path, std::uint64_t maxBytes, std::string& out)
{
    Info info;
    out.clear();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        info.outcome = errno == ELOOP                          ? Outcome::Symlink
                       : (errno == ENOENT || errno == ENOTDIR) ? Outcome::Missing
                                                               : Outcome::Failed;
        return info;
    }
    struct stat st
    {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return info;
    }
    info.size = static_cast<std::uint64_t>(st.st_size);
    info.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        info.outcome = Outcome::NotRegular;
        return info;
    }
    if (info.size > maxBytes) {
        ::close(fd);
        info.outcome = Outcome::TooLarge;
        return info;
    }
    // One read for the size fstat saw; the loop picks up a file that grew since.
    out.resize(static_cast<std::size_t>(info.size) + 1);
    std::size_t done = 0;
    info.outcome = Outcome::Read;
    while (true) {
        if (done == out.size()) {
            if (out.size() > maxBytes)
                break;
            out.resize(std::min<std::uint64_t>(out.size() * 2, maxBytes + 1));
        }
        const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            info.outcome = Outcome::Failed;
        if (n <= 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(std::min<std::uint64_t>(done, maxBytes));
    return info;
}

bool FileReader::looksBinary(std::string_view content)
{
    const std::size_t probe = std::min(content.size(), kBinaryProbeBytes);
    return std::memchr(content.data(), 0, probe) != nullptr;
}

} // namespace builder::localize
