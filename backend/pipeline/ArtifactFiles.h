#pragma once

#include "RunContext.h"
#include "feature/feature/v1/feature.pb.h"

#include <filesystem>
#include <string>

namespace builder::pipeline {

// Writes and registers an execution's artifacts: files below the data
// directory's artifacts/<execution>/ folder, a row each (size, SHA-256).
class ArtifactFiles
{
public:
    // Writes `content` as `name` and registers it, inside the caller's write.
    static common::Status write(RunContext& ctx, store::Connection& c, const std::string& name,
                                feature::feature::v1::ArtifactType type,
                                const std::string& contentType, const std::string& content);
    // Registers a file that already lies below the execution's artifacts folder.
    static common::Status record(RunContext& ctx, store::Connection& c,
                                 const std::filesystem::path& file,
                                 feature::feature::v1::ArtifactType type,
                                 const std::string& contentType);
    // The type and content type a report file's name suggests.
    static std::pair<feature::feature::v1::ArtifactType, std::string>
    classify(const std::filesystem::path& file);
};

} // namespace builder::pipeline
