#pragma once

#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"
#include "security/ArtifactSigner.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

namespace builder::store {
class Database;
}

namespace builder::core {

// A file behind a download link, once its signature checked out.
struct ArtifactDownload
{
    std::string path; // absolute, below the artifacts folder
    std::string name;
    std::string contentType;
    std::int64_t size = 0;
};

// Signed, expiring links to an execution's artifacts, and their resolution
// when a client follows one (GET /v1/artifacts/<id>?expires=..&signature=..).
class ArtifactLinks
{
public:
    static constexpr const char* kPathPrefix = "/v1/artifacts/";
    static constexpr const char* kStoredPrefix = "artifact:"; // as stored in DeliveryResult

    ArtifactLinks(std::shared_ptr<store::Database> db, std::string artifactsRoot,
                  security::ArtifactSigner signer,
                  std::chrono::seconds lifetime = std::chrono::hours(1));

    // "http://127.0.0.1:7780": set once the HTTP listener is up (or from public_url).
    void setBaseUrl(std::string baseUrl);
    std::string url(const std::string& artifactId) const;
    // Replaces a stored "artifact:<id>" patch_url with a fresh signed link.
    void sign(feature::feature::v1::FeatureExecution& execution) const;
    common::Result<feature::feature::v1::GetArtifactsResponse>
    list(const std::string& executionId) const;

    // NotFound for an unknown artifact, PermissionDenied for a bad or expired
    // signature (the same answer for both, so links cannot be probed).
    common::Result<ArtifactDownload> resolve(const std::string& artifactId,
                                             const std::string& expires,
                                             const std::string& signature) const;

private:
    std::shared_ptr<store::Database> m_db;
    std::string m_root;
    security::ArtifactSigner m_signer;
    std::chrono::seconds m_lifetime;
    mutable std::mutex m_mutex;
    std::string m_baseUrl;
};

} // namespace builder::core
