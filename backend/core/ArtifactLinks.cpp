#include "ArtifactLinks.h"

#include "store/ArtifactStore.h"
#include "store/Database.h"
#include "store/Timestamps.h"

#include <filesystem>

namespace builder::core {

namespace fv1 = feature::feature::v1;

namespace {
std::int64_t nowSeconds()
{
    return store::Timestamps::nowMillis() / 1000;
}
} // namespace

ArtifactLinks::ArtifactLinks(std::shared_ptr<store::Database> db, std::string artifactsRoot,
                             security::ArtifactSigner signer, std::chrono::seconds lifetime)
    : m_db(std::move(db)), m_root(std::move(artifactsRoot)), m_signer(std::move(signer)),
      m_lifetime(lifetime)
{}

void ArtifactLinks::setBaseUrl(std::string baseUrl)
{
    std::lock_guard lock(m_mutex);
    while (!baseUrl.empty() && baseUrl.back() == '/')
        baseUrl.pop_back();
    m_baseUrl = std::move(baseUrl);
}

std::string ArtifactLinks::url(const std::string& artifactId) const
{
    const auto expires = nowSeconds() + m_lifetime.count();
    std::lock_guard lock(m_mutex);
    return m_baseUrl + kPathPrefix + artifactId + "?expires=" + std::to_string(expires) +
           "&signature=" + m_signer.sign(artifactId, expires);
}

void ArtifactLinks::sign(fv1::FeatureExecution& execution) const
{
    const auto& stored = execution.result().patch_url();
    if (stored.rfind(kStoredPrefix, 0) == 0 && stored.size() > std::string(kStoredPrefix).size())
        execution.mutable_result()->set_patch_url(
            url(stored.substr(std::string(kStoredPrefix).size())));
}

common::Result<fv1::GetArtifactsResponse> ArtifactLinks::list(const std::string& executionId) const
{
    auto records =
        m_db->read([&](store::Connection& c) -> common::Result<std::vector<store::ArtifactRecord>> {
            return store::ArtifactStore::listForExecution(c, executionId);
        });
    if (!records.ok())
        return records.error();
    fv1::GetArtifactsResponse response;
    for (const auto& r : records.value()) {
        auto* a = response.add_artifacts();
        a->set_name(r.name);
        a->set_type(static_cast<fv1::ArtifactType>(r.type));
        a->set_url(url(r.id));
        a->set_size(r.size);
        a->set_content_type(r.contentType);
        store::Timestamps::fromMillis(r.createdAtMillis, a->mutable_created_at());
    }
    return response;
}

common::Result<ArtifactDownload> ArtifactLinks::resolve(const std::string& artifactId,
                                                        const std::string& expires,
                                                        const std::string& signature) const
{
    std::int64_t expiresAt = 0;
    try {
        expiresAt = std::stoll(expires);
    } catch (...) {
        expiresAt = -1;
    }
    if (expiresAt < 0 || !m_signer.verify(artifactId, expiresAt, signature, nowSeconds()))
        return common::Error::permissionDenied(
            "this artifact link is invalid or has expired; ask GetArtifacts for a fresh one");
    auto record = m_db->read(
        [&](store::Connection& c) -> common::Result<std::optional<store::ArtifactRecord>> {
            return store::ArtifactStore::find(c, artifactId);
        });
    if (!record.ok())
        return record.error();
    if (!record.value())
        return common::Error::notFound("artifact " + artifactId + " not found");
    const auto& r = *record.value();
    const auto path = std::filesystem::path(m_root) / r.path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return common::Error::notFound("artifact " + artifactId + " is no longer stored");
    return ArtifactDownload{path.string(), r.name, r.contentType, r.size};
}

} // namespace builder::core
