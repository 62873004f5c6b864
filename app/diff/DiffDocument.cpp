#include "DiffDocument.h"

#include "DiffLayout.h"

#include <QHash>

namespace builder::diff {

namespace rv1 = feature::review::v1;

namespace {

QChar statusLetter(rv1::FileStatus status)
{
    switch (status) {
    case rv1::FILE_STATUS_ADDED:
        return 'A';
    case rv1::FILE_STATUS_DELETED:
        return 'D';
    case rv1::FILE_STATUS_RENAMED:
        return 'R';
    default:
        return 'M';
    }
}

QString sourceName(rv1::FindingSource source)
{
    switch (source) {
    case rv1::FINDING_SOURCE_SECRETS:
        return QStringLiteral("secrets");
    case rv1::FINDING_SOURCE_SECURITY:
        return QStringLiteral("security");
    case rv1::FINDING_SOURCE_POLICY:
        return QStringLiteral("policy");
    case rv1::FINDING_SOURCE_MODEL:
        return QStringLiteral("model");
    default:
        return QString();
    }
}

} // namespace

int DiffDocument::Pane::rowOf(Side side, int line) const
{
    const auto& lines = side == Side::Old ? oldLines : newLines;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i] == line)
            return static_cast<int>(i);
    return -1;
}

DiffDocument DiffDocument::fromResponse(const rv1::GetDiffResponse& response)
{
    DiffDocument document;
    document.m_baseSha = QString::fromStdString(response.base_sha());
    document.m_headSha = QString::fromStdString(response.head_sha());
    document.m_riskScore = response.risk_score();
    QHash<QString, int> byPath;
    document.m_files.reserve(static_cast<std::size_t>(response.files_size()));
    for (const auto& file : response.files()) {
        File out;
        out.path = QString::fromStdString(file.path());
        out.oldPath = QString::fromStdString(file.old_path());
        out.status = statusLetter(file.status());
        out.binary = file.binary();
        out.additions = file.additions();
        out.deletions = file.deletions();
        DiffLayout::layOut(file, out);
        byPath.insert(out.path, static_cast<int>(document.m_files.size()));
        document.m_files.push_back(std::move(out));
    }
    for (const auto& finding : response.findings()) {
        const int index = byPath.value(QString::fromStdString(finding.file()), -1);
        if (index < 0)
            continue;
        document.m_files[static_cast<std::size_t>(index)].findings.push_back(
            {QString::fromStdString(finding.id()), QString::fromStdString(finding.rule_id()),
             QString::fromStdString(finding.message()), QString::fromStdString(finding.fix_hint()),
             sourceName(finding.source()), finding.severity(), finding.line()});
    }
    for (const auto& comment : response.comments()) {
        const int index = byPath.value(QString::fromStdString(comment.file()), -1);
        if (index < 0)
            continue;
        document.m_files[static_cast<std::size_t>(index)].comments.push_back(
            {QString::fromStdString(comment.id()), comment.line(),
             comment.side() == rv1::COMMENT_SIDE_OLD ? Side::Old : Side::New,
             QString::fromStdString(comment.body()), QString::fromStdString(comment.author()),
             false});
    }
    return document;
}

int DiffDocument::fileIndex(const QString& path) const
{
    for (std::size_t i = 0; i < m_files.size(); ++i)
        if (m_files[i].path == path)
            return static_cast<int>(i);
    return -1;
}

int DiffDocument::findingCount() const
{
    int count = 0;
    for (const File& file : m_files)
        count += static_cast<int>(file.findings.size());
    return count;
}

int DiffDocument::lineCount() const
{
    int count = 0;
    for (const File& file : m_files)
        count += static_cast<int>(file.unified.rows.size());
    return count;
}

} // namespace builder::diff
