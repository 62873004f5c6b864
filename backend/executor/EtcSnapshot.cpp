#include "EtcSnapshot.h"

#include "common/Fnv1a.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace builder::executor {

namespace {

namespace fs = std::filesystem;
using common::Error;

constexpr const char* kTemporaryPrefix = ".tmp-";

// One host entry to copy, in an order where parents come before children.
struct Entry
{
    enum Kind
    {
        kDirectory,
        kFile,
        kLink
    };
    std::string name; // relative to /etc
    std::string host; // the host path read
    Kind kind = kFile;
    mode_t mode = 0;
    off_t size = 0;
    std::int64_t mtimeNs = 0;
    std::string linkTarget;
};

std::int64_t mtimeOf(const struct stat& st)
{
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::string readLink(const std::string& path)
{
    char buffer[PATH_MAX];
    const ssize_t n = readlink(path.c_str(), buffer, sizeof buffer);
    if (n <= 0 || n >= static_cast<ssize_t>(sizeof buffer))
        return {};
    return std::string(buffer, static_cast<std::size_t>(n));
}

// What the sandbox user could read before: world-readable files and
// world-searchable directories; nothing else is copied.
bool worldReadable(const struct stat& st)
{
    if (S_ISDIR(st.st_mode))
        return (st.st_mode & (S_IROTH | S_IXOTH)) == (S_IROTH | S_IXOTH);
    return (st.st_mode & S_IROTH) != 0;
}

void walk(const std::string& host, const std::string& name, const struct stat& st,
          std::vector<Entry>& entries)
{
    Entry entry;
    entry.name = name;
    entry.host = host;
    entry.mode = st.st_mode & 07777;
    entry.size = st.st_size;
    entry.mtimeNs = mtimeOf(st);
    if (S_ISLNK(st.st_mode)) {
        entry.kind = Entry::kLink;
        entry.linkTarget = readLink(host);
        if (!entry.linkTarget.empty())
            entries.push_back(std::move(entry));
        return;
    }
    if (!worldReadable(st))
        return;
    if (S_ISREG(st.st_mode)) {
        entry.kind = Entry::kFile;
        entries.push_back(std::move(entry));
        return;
    }
    if (!S_ISDIR(st.st_mode))
        return; // sockets, fifos and devices stay out
    entry.kind = Entry::kDirectory;
    entries.push_back(std::move(entry));
    DIR* dir = opendir(host.c_str());
    if (!dir)
        return;
    std::vector<std::string> children;
    while (const dirent* child = readdir(dir)) {
        const std::string childName = child->d_name;
        if (childName != "." && childName != "..")
            children.push_back(childName);
    }
    closedir(dir);
    std::sort(children.begin(), children.end());
    for (const auto& child : children) {
        const std::string childHost = host + "/" + child;
        struct stat childStat;
        if (lstat(childHost.c_str(), &childStat) == 0)
            walk(childHost, name + "/" + child, childStat, entries);
    }
}

// A listed path that is a symbolic link is kept as a link when it resolves
// into /usr (mounted inside too); otherwise what it points to is copied, as a
// bind mount of the path would have shown it.
void walkSource(const std::string& hostEtc, const std::string& source, std::vector<Entry>& entries)
{
    const std::string prefix = hostEtc + "/";
    if (source.rfind(prefix, 0) != 0 || source.size() == prefix.size() ||
        source.find("/..") != std::string::npos)
        return;
    const std::string name = source.substr(prefix.size());
    struct stat st;
    if (lstat(source.c_str(), &st) != 0)
        return;
    if (S_ISLNK(st.st_mode)) {
        char* resolved = realpath(source.c_str(), nullptr);
        if (!resolved)
            return;
        const std::string target = resolved;
        std::free(resolved);
        if (target.rfind("/usr/", 0) != 0) {
            if (stat(target.c_str(), &st) != 0)
                return;
            walk(target, name, st, entries);
            return;
        }
    }
    walk(source, name, st, entries);
}

std::vector<Entry> collect(const EtcSnapshot::Options& options)
{
    std::vector<Entry> entries;
    for (const auto& source : options.sources)
        walkSource(options.hostEtc, source, entries);
    return entries;
}

std::string fingerprintOf(const std::vector<Entry>& entries, const EtcSnapshot::Options& options)
{
    common::Fnv1a print;
    for (const auto& entry : entries) {
        print.addField(entry.name);
        print.addNumber(static_cast<std::uint64_t>(entry.kind));
        print.addNumber(static_cast<std::uint64_t>(entry.mode));
        print.addNumber(static_cast<std::uint64_t>(entry.size));
        print.addNumber(static_cast<std::uint64_t>(entry.mtimeNs));
        print.addField(entry.linkTarget);
    }
    for (const auto& [name, contents] : options.generated) {
        print.addField(name);
        print.addField(contents);
    }
    for (const auto& [name, target] : options.links) {
        print.addField(name);
        print.addField(target);
    }
    return print.hex();
}

common::Status writeAll(int fd, const char* data, std::size_t size, const std::string& path)
{
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = write(fd, data + written, size - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error::internal("cannot write " + path + ": " + std::strerror(errno));
        written += static_cast<std::size_t>(n);
    }
    return {};
}

common::Status copyFile(const Entry& entry, const std::string& destination)
{
    const int in = open(entry.host.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (in < 0)
        return {}; // gone or unreadable since the walk: the next check notices
    const mode_t mode = (entry.mode & S_IXOTH) ? 0755 : 0644;
    const int out = open(destination.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (out < 0) {
        close(in);
        return Error::internal("cannot create " + destination + ": " + std::strerror(errno));
    }
    char buffer[64 * 1024];
    common::Status status;
    for (;;) {
        const ssize_t n = read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            status = Error::internal("cannot read " + entry.host + ": " + std::strerror(errno));
            break;
        }
        if (n == 0)
            break;
        status = writeAll(out, buffer, static_cast<std::size_t>(n), destination);
        if (!status.ok())
            break;
    }
    close(in);
    if (fchmod(out, mode) != 0 && status.ok())
        status = Error::internal("cannot chmod " + destination + ": " + std::strerror(errno));
    close(out);
    return status;
}

common::Status makeDirectories(const fs::path& directory)
{
    std::error_code error;
    fs::create_directories(directory, error);
    if (error)
        return Error::internal("cannot create " + directory.string() + ": " + error.message());
    return {};
}

// Generated files and links replace copied entries of the same name.
common::Status writeGenerated(const fs::path& copy, const EtcSnapshot::Options& options)
{
    for (const auto& [name, contents] : options.generated) {
        const fs::path destination = copy / name;
        if (auto status = makeDirectories(destination.parent_path()); !status.ok())
            return status;
        std::error_code ignored;
        fs::remove_all(destination, ignored);
        const int out =
            open(destination.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (out < 0)
            return Error::internal("cannot create " + destination.string() + ": " +
                                   std::strerror(errno));
        auto status = writeAll(out, contents.data(), contents.size(), destination.string());
        fchmod(out, 0644);
        close(out);
        if (!status.ok())
            return status;
    }
    for (const auto& [name, target] : options.links) {
        const fs::path destination = copy / name;
        if (auto status = makeDirectories(destination.parent_path()); !status.ok())
            return status;
        std::error_code ignored;
        fs::remove_all(destination, ignored);
        if (symlink(target.c_str(), destination.c_str()) != 0)
            return Error::internal("cannot create the link " + destination.string() + ": " +
                                   std::strerror(errno));
    }
    return {};
}

common::Status populate(const fs::path& copy, const std::vector<Entry>& entries,
                        const EtcSnapshot::Options& options)
{
    for (const auto& entry : entries) {
        const fs::path destination = copy / entry.name;
        if (auto status = makeDirectories(destination.parent_path()); !status.ok())
            return status;
        switch (entry.kind) {
        case Entry::kDirectory:
            if (mkdir(destination.c_str(), 0755) != 0 && errno != EEXIST)
                return Error::internal("cannot create " + destination.string() + ": " +
                                       std::strerror(errno));
            break;
        case Entry::kLink:
            if (symlink(entry.linkTarget.c_str(), destination.c_str()) != 0 && errno != EEXIST)
                return Error::internal("cannot create the link " + destination.string() + ": " +
                                       std::strerror(errno));
            break;
        case Entry::kFile:
            if (auto status = copyFile(entry, destination.string()); !status.ok())
                return status;
            break;
        }
    }
    if (auto status = writeGenerated(copy, options); !status.ok())
        return status;
    // Directories made on the way (parents of nested sources) get 0755 too.
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(copy, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error))
        if (it->is_directory(error) && !it->is_symlink(error))
            chmod(it->path().c_str(), 0755);
    if (chmod(copy.c_str(), 0755) != 0)
        return Error::internal("cannot chmod " + copy.string() + ": " + std::strerror(errno));
    return {};
}

} // namespace

EtcSnapshot::Copy::Copy(std::filesystem::path directory, std::string fingerprint)
    : m_directory(std::move(directory)), m_fingerprint(std::move(fingerprint))
{}

EtcSnapshot::Copy::~Copy()
{
    if (m_superseded) {
        std::error_code ignored;
        std::filesystem::remove_all(m_directory, ignored);
    }
}

common::Result<std::unique_ptr<EtcSnapshot>> EtcSnapshot::create(Options options)
{
    std::unique_ptr<EtcSnapshot> snapshot(new EtcSnapshot(std::move(options)));
    auto& root = snapshot->m_options.root;
    if (root.empty()) {
        std::error_code error;
        std::string pattern = (fs::temp_directory_path(error) / "builder-sandbox-etc-XXXXXX");
        if (error)
            pattern = "/tmp/builder-sandbox-etc-XXXXXX";
        if (!mkdtemp(pattern.data()))
            return Error::unavailable("cannot create a directory for the sandbox's /etc in " +
                                      fs::path(pattern).parent_path().string() + ": " +
                                      std::strerror(errno));
        root = pattern;
        snapshot->m_ownsRoot = true;
    } else {
        std::error_code error;
        fs::create_directories(root, error);
        if (error)
            return Error::unavailable("cannot create " + root.string() +
                                      " for the sandbox's /etc: " + error.message());
        chmod(root.c_str(), 0700);
    }
    auto first = snapshot->current();
    if (!first.ok())
        return first.error();
    snapshot->removeStaleCopies();
    return snapshot;
}

EtcSnapshot::~EtcSnapshot()
{
    m_current.reset();
    if (m_ownsRoot) {
        std::error_code ignored;
        fs::remove_all(m_options.root, ignored);
    }
}

std::string EtcSnapshot::fingerprint() const
{
    return fingerprintOf(collect(m_options), m_options);
}

common::Result<std::shared_ptr<const EtcSnapshot::Copy>> EtcSnapshot::current()
{
    const std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    if (m_current && now - m_checked < m_options.recheck)
        return std::shared_ptr<const Copy>(m_current);
    const auto entries = collect(m_options);
    const std::string print = fingerprintOf(entries, m_options);
    m_checked = now;
    if (m_current && m_current->fingerprint() == print)
        return std::shared_ptr<const Copy>(m_current);

    const fs::path destination = m_options.root / print;
    std::shared_ptr<Copy> fresh;
    struct stat st;
    if (lstat(destination.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid()) {
        fresh = std::make_shared<Copy>(destination, print);
    } else {
        std::string pattern =
            (m_options.root / (std::string(kTemporaryPrefix) + "XXXXXX")).string();
        if (!mkdtemp(pattern.data())) {
            if (m_current)
                return std::shared_ptr<const Copy>(m_current); // keep the last good copy
            return Error::unavailable("cannot prepare the sandbox's /etc in " +
                                      m_options.root.string() + ": " + std::strerror(errno));
        }
        auto status = populate(pattern, entries, m_options);
        if (status.ok() && rename(pattern.c_str(), destination.c_str()) != 0 && errno != EEXIST &&
            errno != ENOTEMPTY)
            status = Error::internal("cannot move the sandbox's /etc into place: " +
                                     std::string(std::strerror(errno)));
        std::error_code ignored;
        fs::remove_all(pattern, ignored); // gone already when the rename worked
        if (!status.ok()) {
            if (m_current)
                return std::shared_ptr<const Copy>(m_current);
            return status.error();
        }
        fresh = std::make_shared<Copy>(destination, print);
    }
    if (m_current)
        m_current->supersede();
    m_current = fresh;
    return std::shared_ptr<const Copy>(m_current);
}

void EtcSnapshot::removeStaleCopies() const
{
    const std::string keep = m_current ? m_current->fingerprint() : std::string();
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(m_options.root, error)) {
        const std::string name = entry.path().filename().string();
        if (name == keep)
            continue;
        std::error_code ignored;
        fs::remove_all(entry.path(), ignored);
    }
}

} // namespace builder::executor
