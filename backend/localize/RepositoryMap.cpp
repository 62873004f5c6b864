#include "localize/RepositoryMap.h"

#include "git/TrackedFiles.h"
#include "localize/DirectoryWalker.h"
#include "localize/LanguageDetector.h"

#include <filesystem>

namespace builder::localize {

common::Result<RepositoryMap> RepositoryMap::build(const std::string& root)
{
    std::error_code ec;
    if (root.empty() || !std::filesystem::is_directory(root, ec))
        return common::Error::notFound("repository folder '" + root + "' does not exist");
    RepositoryMap map;
    map.m_root = std::filesystem::canonical(root, ec).string();
    if (ec)
        return common::Error::notFound("repository folder '" + root +
                                       "' cannot be resolved: " + ec.message());

    if (git::TrackedFiles::isWorkTree(map.m_root)) {
        auto tracked = git::TrackedFiles::list(map.m_root);
        if (!tracked.ok())
            return common::Error::internal(tracked.error().message());
        map.m_git = true;
        map.m_indexMtimeNs =
            tracked->indexMtimeSeconds * 1000000000 + tracked->indexMtimeNanoseconds;
        map.m_files.reserve(tracked->files.size());
        for (auto& file : tracked->files) {
            FileEntry entry;
            entry.language = LanguageDetector::detect(file.path);
            entry.path = std::move(file.path);
            entry.blobId = std::move(file.blobId);
            entry.indexedSize = file.size;
            entry.indexedMtimeNs = file.mtimeSeconds * 1000000000 + file.mtimeNanoseconds;
            entry.symlink = file.isSymlink();
            entry.submodule = file.isSubmodule();
            map.m_files.push_back(std::move(entry));
        }
        return map;
    }

    auto walked = DirectoryWalker::walk(map.m_root);
    if (!walked.ok())
        return walked.error();
    map.m_files.reserve(walked->size());
    for (auto& file : *walked) {
        FileEntry entry;
        entry.language = LanguageDetector::detect(file.path);
        entry.path = std::move(file.path);
        entry.symlink = file.symlink;
        map.m_files.push_back(std::move(entry));
    }
    return map;
}

std::map<std::string, std::size_t> RepositoryMap::languageCounts() const
{
    std::map<std::string, std::size_t> counts;
    for (const auto& file : m_files)
        ++counts[std::string(languageName(file.language))];
    return counts;
}

} // namespace builder::localize
