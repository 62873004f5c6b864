#pragma once

#include "StudioContext.h"

#include <QGroupBox>

class QLabel;
class QListWidget;
class QPushButton;

namespace builder::views {

// "Which files would this touch?" before any code is written: the server's
// AnalysisService.Localize ranks the repository's files against the spec. The
// service is probed first; a server without it gets "not offered by this server".
class LocalizationPreviewPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit LocalizationPreviewPanel(StudioContext context, QWidget* parent = nullptr);

    void probe();
    bool offered() const { return m_offered; }
    // Ranks the repository's files against the title and description.
    void preview(const QString& repositoryId, const QString& text);

signals:
    // The user asked for a preview; the form answers with preview(repository, text).
    void previewRequested();

private:
    void setOffered(bool offered);

    StudioContext m_context;
    QLabel* m_status;
    QListWidget* m_files;
    QPushButton* m_button;
    bool m_offered = false;
    quint64 m_generation = 0;
};

} // namespace builder::views
