#include "SecretFile.h"

#include "SodiumRuntime.h"

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace builder::security {

using common::Error;
using common::Result;
using common::StatusCode;

namespace {

constexpr mode_t kPrivateMode = 0600;
constexpr mode_t kDirectoryMode = 0700;

std::string errnoText(int error)
{
    return std::strerror(error);
}

std::string octal(mode_t mode)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
    return buffer;
}

Error ioError(const std::string& what, const std::string& path, int error)
{
    return {StatusCode::Internal, "cannot " + what + " " + path + ": " + errnoText(error)};
}

// Closes a descriptor on every exit path.
struct FdGuard
{
    int fd = -1;
    ~FdGuard()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

std::string parentOf(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

// mkdir -p, but new directories are owner-only because they hold key files.
Result<void> makeParents(const std::string& directory)
{
    struct stat st
    {};
    if (::stat(directory.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return Error{StatusCode::FailedPrecondition, directory + " is not a directory"};
        return {};
    }
    if (errno != ENOENT)
        return ioError("inspect", directory, errno);
    if (auto parent = makeParents(parentOf(directory)); !parent)
        return parent;
    if (::mkdir(directory.c_str(), kDirectoryMode) != 0 && errno != EEXIST)
        return ioError("create directory", directory, errno);
    return {};
}

// Durability of a rename needs the directory entry flushed too.
void syncDirectory(const std::string& directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Result<void> writeAll(int fd, const std::string& content, const std::string& path)
{
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError("write", path, errno);
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

// Writes content to a fresh, exclusive 0600 temp file next to path; returns its name.
Result<std::string> writeTemp(const std::string& path, const std::string& content)
{
    SodiumRuntime::ensure();
    unsigned char random[8];
    randombytes_buf(random, sizeof random);
    char hex[sizeof random * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    const std::string temp = path + ".tmp-" + hex;

    FdGuard guard;
    guard.fd =
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kPrivateMode);
    if (guard.fd < 0)
        return ioError("create", temp, errno);
    // The umask can only narrow 0600, but make the mode exact regardless.
    Result<void> written = ::fchmod(guard.fd, kPrivateMode) == 0
                               ? writeAll(guard.fd, content, temp)
                               : Result<void>{ioError("set permissions on", temp, errno)};
    if (written && ::fsync(guard.fd) != 0)
        written = ioError("flush", temp, errno);
    if (written && ::close(guard.fd) != 0)
        written = ioError("close", temp, errno);
    guard.fd = -1;
    if (!written) {
        ::unlink(temp.c_str());
        return written.error();
    }
    return temp;
}

Result<std::string> readExisting(int fd, const std::string& path, std::size_t bytes)
{
    struct stat st
    {};
    if (::fstat(fd, &st) != 0)
        return ioError("inspect", path, errno);
    if (!S_ISREG(st.st_mode))
        return Error{StatusCode::FailedPrecondition,
                     "refusing key file " + path + ": not a regular file"};
    if (st.st_uid != ::geteuid())
        return Error{StatusCode::FailedPrecondition, "refusing key file " + path +
                                                         ": owned by another user (uid " +
                                                         std::to_string(st.st_uid) + ")"};
    if ((st.st_mode & 077) != 0)
        return Error{StatusCode::FailedPrecondition,
                     "refusing key file " + path + ": permissions " + octal(st.st_mode) +
                         " are looser than 0600 (run: chmod 600 " + path + ")"};
    if (static_cast<std::size_t>(st.st_size) != bytes)
        return Error{StatusCode::FailedPrecondition, "refusing key file " + path + ": expected " +
                                                         std::to_string(bytes) + " bytes, found " +
                                                         std::to_string(st.st_size)};

    std::string content(bytes, '\0');
    std::size_t done = 0;
    while (done < bytes) {
        const ssize_t n = ::read(fd, content.data() + done, bytes - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            sodium_memzero(content.data(), content.size());
            return ioError("read", path, error);
        }
        done += static_cast<std::size_t>(n);
    }
    return content;
}

} // namespace

Result<std::string> SecretFile::loadOrCreate(const std::string& path, std::size_t bytes)
{
    if (bytes == 0)
        return Error{StatusCode::InvalidArgument, "a key file needs a non-zero size"};
    SodiumRuntime::ensure();

    // Two attempts: if another process creates the file between our open and our
    // no-replace rename, we load theirs instead of overwriting it.
    for (int attempt = 0; attempt < 2; ++attempt) {
        FdGuard existing;
        existing.fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (existing.fd >= 0)
            return readExisting(existing.fd, path, bytes);
        if (errno == ELOOP)
            return Error{StatusCode::FailedPrecondition,
                         "refusing key file " + path + ": it is a symbolic link"};
        if (errno != ENOENT)
            return ioError("open", path, errno);

        const std::string directory = parentOf(path);
        if (auto made = makeParents(directory); !made)
            return made.error();

        std::string key(bytes, '\0');
        randombytes_buf(key.data(), key.size());
        auto temp = writeTemp(path, key);
        if (!temp) {
            sodium_memzero(key.data(), key.size());
            return temp.error();
        }
        // renameat2(RENAME_NOREPLACE) publishes the complete file or nothing, and
        // never replaces a key another process has just created.
        int rc = ::renameat2(AT_FDCWD, temp->c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
            // Filesystems without RENAME_NOREPLACE: link() fails on an existing name too.
            rc = ::link(temp->c_str(), path.c_str());
            const int linkError = errno;
            ::unlink(temp->c_str());
            errno = linkError;
        }
        if (rc == 0) {
            syncDirectory(directory);
            return key;
        }
        const int error = errno;
        ::unlink(temp->c_str());
        sodium_memzero(key.data(), key.size());
        if (error != EEXIST)
            return ioError("publish", path, error);
    }
    return Error{StatusCode::Internal, "cannot create key file " + path};
}

Result<void> SecretFile::writePrivate(const std::string& path, const std::string& content)
{
    if (auto made = makeParents(parentOf(path)); !made)
        return made;
    auto temp = writeTemp(path, content);
    if (!temp)
        return temp.error();
    if (::rename(temp->c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp->c_str());
        return ioError("replace", path, error);
    }
    syncDirectory(parentOf(path));
    return {};
}

} // namespace builder::security
