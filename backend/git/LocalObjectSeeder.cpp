#include "git/LocalObjectSeeder.h"

#include "git/GitBuffer.h"
#include "git/GitHandle.h"
#include "git/RepositoryOpener.h"

#include <git2.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace builder::git {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kFolderNameLength = 2; // objects/ab/...
constexpr std::size_t kLooseNameLength = 38; // ...the other 38 hex digits of a SHA-1
constexpr std::string_view kPackPrefix = "pack-";
constexpr std::string_view kPackSuffix = ".pack";
constexpr std::string_view kIndexSuffix = ".idx";
constexpr std::string_view kPromisorSuffix = ".promisor";

// One file to bring over; `objects` of them count towards the progress.
struct Item
{
    fs::path from;
    fs::path to;
    std::uint64_t objects = 0;
    std::uint64_t bytes = 0;
};

bool isHex(std::string_view text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return !text.empty();
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Where the source keeps its objects, when it keeps all of them itself.
std::optional<fs::path> selfContainedObjects(const std::string& sourcePath)
{
    auto repo = RepositoryOpener::any(sourcePath, "remote");
    if (!repo || git_repository_is_shallow(repo->get()) != 0) {
        return std::nullopt;
    }
    GitBuffer buffer;
    if (git_repository_item_path(buffer.get(), repo->get(), GIT_REPOSITORY_ITEM_OBJECTS) < 0) {
        return std::nullopt;
    }
    const fs::path objects = buffer.str();
    std::error_code ec;
    if (fs::exists(objects / "info" / "alternates", ec) ||
        fs::exists(objects / "info" / "http-alternates", ec) || !fs::is_directory(objects, ec)) {
        return std::nullopt;
    }
    return objects;
}

// The object count of a pack index (its last fan-out entry), 0 when unreadable.
std::uint64_t indexedObjects(const fs::path& index)
{
    std::ifstream in(index, std::ios::binary);
    unsigned char header[8] = {};
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) {
        return 0;
    }
    // Version 2 starts with "\377tOc" and the version; version 1 with the fan-out.
    const bool v2 = header[0] == 0xff && header[1] == 't' && header[2] == 'O' && header[3] == 'c';
    in.seekg((v2 ? 8 : 0) + 255 * 4);
    unsigned char last[4] = {};
    if (!in.read(reinterpret_cast<char*>(last), sizeof last)) {
        return 0;
    }
    return (std::uint64_t(last[0]) << 24) | (std::uint64_t(last[1]) << 16) |
           (std::uint64_t(last[2]) << 8) | std::uint64_t(last[3]);
}

// Loose objects first, then packs (each pack before its index): see the header.
std::optional<std::vector<Item>> plan(const fs::path& from, const fs::path& to)
{
    std::vector<Item> items;
    std::error_code ec;
    for (const auto& folder : fs::directory_iterator(from, ec)) {
        const std::string name = folder.path().filename().string();
        if (name.size() != kFolderNameLength || !isHex(name) || !folder.is_directory(ec) ||
            folder.is_symlink(ec)) {
            continue;
        }
        for (const auto& file : fs::directory_iterator(folder.path(), ec)) {
            const std::string object = file.path().filename().string();
            if (object.size() == kLooseNameLength && isHex(object) && file.is_regular_file(ec) &&
                !file.is_symlink(ec)) {
                items.push_back({file.path(), to / name / object, 1, file.file_size(ec)});
            }
        }
        if (ec) {
            return std::nullopt;
        }
    }
    if (ec) {
        return std::nullopt;
    }
    std::vector<Item> packs;
    for (const auto& file : fs::directory_iterator(from / "pack", ec)) {
        const std::string name = file.path().filename().string();
        if (endsWith(name, kPromisorSuffix)) {
            return std::nullopt; // a partial clone: objects are missing on purpose
        }
        if (name.rfind(kPackPrefix, 0) != 0 || !endsWith(name, kPackSuffix) ||
            !file.is_regular_file(ec) || file.is_symlink(ec)) {
            continue;
        }
        const std::string stem = name.substr(0, name.size() - kPackSuffix.size());
        const fs::path index = from / "pack" / (stem + std::string(kIndexSuffix));
        // Never through a symbolic link: a copy would take in whatever it points at.
        if (!fs::is_regular_file(fs::symlink_status(index, ec))) {
            continue; // still being written; the fetch brings what it holds
        }
        packs.push_back(
            {file.path(), to / "pack" / name, indexedObjects(index), file.file_size(ec)});
        packs.push_back({index, to / "pack" / index.filename(), 0, fs::file_size(index, ec)});
    }
    if (ec && ec != std::errc::no_such_file_or_directory) {
        return std::nullopt;
    }
    items.insert(items.end(), packs.begin(), packs.end());
    return items;
}

// Hard-links from to `to`; copies instead once the file system refuses links.
bool bring(const Item& item, bool& linking)
{
    if (linking) {
        if (::link(item.from.c_str(), item.to.c_str()) == 0) {
            return true;
        }
        if (errno != EXDEV && errno != EPERM && errno != EACCES && errno != EMLINK &&
            errno != ENOTSUP && errno != EOPNOTSUPP) {
            return false; // gone (a repack) or worse: not something copying fixes
        }
        linking = false;
    }
    std::error_code ec;
    return fs::copy_file(item.from, item.to, fs::copy_options::none, ec);
}

// Back to what git_repository_init left: empty pack/ and info/ folders.
void emptyObjectStore(const fs::path& objects)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(objects, ec)) {
        const std::string name = entry.path().filename().string();
        if (name == "info") {
            continue;
        }
        if (name == "pack") {
            for (const auto& file : fs::directory_iterator(entry.path(), ec)) {
                fs::remove_all(file.path(), ec);
            }
            continue;
        }
        fs::remove_all(entry.path(), ec);
    }
}

} // namespace

common::Result<bool> LocalObjectSeeder::seed(const std::string& sourcePath,
                                             const std::string& mirrorGitDir,
                                             const common::CancelToken& cancel,
                                             const TransferProgressCallback& progress)
{
    const auto source = selfContainedObjects(sourcePath);
    if (!source) {
        return false;
    }
    const fs::path target = fs::path(mirrorGitDir) / "objects";
    auto items = plan(*source, target);
    if (!items) {
        return false;
    }
    TransferProgress done;
    for (const Item& item : *items) {
        done.totalObjects += item.objects;
    }
    bool linking = true;
    std::error_code ec;
    for (const Item& item : *items) {
        if (auto reason = cancel.reason()) {
            return *reason;
        }
        fs::create_directories(item.to.parent_path(), ec);
        if (!bring(item, linking)) {
            emptyObjectStore(target);
            return false;
        }
        done.receivedObjects += item.objects;
        done.indexedObjects = done.receivedObjects;
        done.receivedBytes += item.bytes;
        if (progress) {
            progress(done);
        }
    }
    if (auto reason = cancel.reason()) {
        return *reason;
    }
    return true;
}

} // namespace builder::git
