#include "ArtifactFiles.h"

#include "common/Uuid.h"
#include "store/ArtifactStore.h"
#include "store/Timestamps.h"

#include <QCryptographicHash>
#include <QFile>

#include <fstream>

namespace builder::pipeline {

namespace fs = std::filesystem;
namespace fv1 = feature::feature::v1;

common::Status ArtifactFiles::write(RunContext& ctx, store::Connection& c, const std::string& name,
                                    fv1::ArtifactType type, const std::string& contentType,
                                    const std::string& content)
{
    const auto dir = ctx.artifactsDir();
    std::error_code ec;
    fs::create_directories(dir, ec);
    const auto path = dir / name;
    const auto temp = dir / ("." + name + ".tmp");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out.write(content.data(), static_cast<std::streamsize>(content.size())))
            return common::Error::internal("cannot write artifact " + name);
    }
    fs::rename(temp, path, ec);
    if (ec)
        return common::Error::internal("cannot write artifact " + name + ": " + ec.message());
    return record(ctx, c, path, type, contentType);
}

common::Status ArtifactFiles::record(RunContext& ctx, store::Connection& c, const fs::path& file,
                                     fv1::ArtifactType type, const std::string& contentType)
{
    const auto root = ctx.services.config.artifactsDir();
    const auto relative = fs::relative(file, root).generic_string();
    if (relative.empty() || relative.rfind("..", 0) == 0)
        return common::Error::internal("artifact " + file.string() +
                                       " is outside the artifacts folder");
    QFile in(QString::fromStdString(file.string()));
    if (!in.open(QIODevice::ReadOnly))
        return common::Error::internal("cannot read artifact " + relative);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&in);
    store::ArtifactRecord r;
    r.id = common::Uuid::generateV4();
    r.executionId = ctx.execution.id();
    r.name = fs::relative(file, ctx.artifactsDir()).generic_string();
    r.type = type;
    r.contentType = contentType;
    r.path = relative;
    r.size = in.size();
    r.sha256 = hash.result().toHex().toStdString();
    r.createdAtMillis = store::Timestamps::nowMillis();
    store::ArtifactStore::upsert(c, r);
    return {};
}

std::pair<fv1::ArtifactType, std::string> ArtifactFiles::classify(const fs::path& file)
{
    const auto name = file.filename().string();
    const auto ext = file.extension().string();
    if (name.find("coverage") != std::string::npos || name.find("lcov") != std::string::npos)
        return {fv1::ARTIFACT_TYPE_COVERAGE_REPORT,
                ext == ".xml" ? "application/xml" : "text/plain; charset=utf-8"};
    if (ext == ".xml")
        return {fv1::ARTIFACT_TYPE_TEST_REPORT, "application/xml"};
    if (name.find("test") != std::string::npos)
        return {fv1::ARTIFACT_TYPE_TEST_REPORT, "text/plain; charset=utf-8"};
    return {fv1::ARTIFACT_TYPE_BUILD_LOG, "text/plain; charset=utf-8"};
}

} // namespace builder::pipeline
