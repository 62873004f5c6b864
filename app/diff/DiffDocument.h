#pragma once

#include "feature/review/v1/review.pb.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace builder::diff {

// A review's diff as the Studio shows it: per file, the hunks laid out once
// for the unified view and once for the side-by-side view, with findings and
// comments anchored to layout rows. Pure data; fromResponse() runs on a worker.
class DiffDocument
{
public:
    enum class RowKind
    {
        Context,
        Added,
        Removed,
        HunkHeader,
        Filler
    };
    enum class Side
    {
        Old,
        New
    };
    struct Finding
    {
        QString id;
        QString ruleId;
        QString message;
        QString fixHint;
        QString source;
        int severity = 0; // feature.review.v1.Severity
        int line = 0;     // new-file line; 0 for the whole file
    };
    struct Comment
    {
        QString id;
        int line = 0;
        Side side = Side::New;
        QString body;
        QString author;
        bool pending = false; // written here, not sent yet
    };
    // One pane's rows: text, margin label and kind per row, plus anchors.
    struct Pane
    {
        QStringList rows;
        QStringList labels;
        std::vector<RowKind> kinds;
        std::vector<int> oldLines; // 0 where the row has none
        std::vector<int> newLines;
        QString text() const { return rows.join('\n'); }
        int rowOf(Side side, int line) const;
    };
    struct File
    {
        QString path;
        QString oldPath;
        QChar status; // A, M, D, R
        bool binary = false;
        int additions = 0;
        int deletions = 0;
        std::vector<Finding> findings;
        std::vector<Comment> comments;
        Pane unified;
        Pane left;                    // side by side: old
        Pane right;                   // side by side: new
        std::vector<int> hunkRows;    // unified rows of hunk headers
        std::vector<int> hunkRowsSxS; // side-by-side rows of hunk headers
    };

    static DiffDocument fromResponse(const feature::review::v1::GetDiffResponse& response);

    const std::vector<File>& files() const { return m_files; }
    std::vector<File>& files() { return m_files; }
    int fileIndex(const QString& path) const;
    const QString& baseSha() const { return m_baseSha; }
    const QString& headSha() const { return m_headSha; }
    int riskScore() const { return m_riskScore; }
    int findingCount() const;
    int lineCount() const; // rows of the unified layout, all files

private:
    std::vector<File> m_files;
    QString m_baseSha;
    QString m_headSha;
    int m_riskScore = 0;
};

} // namespace builder::diff
