#pragma once

#include "StudioContext.h"
#include "feature/feature/v1/feature.pb.h"
#include "models/MessageTableModel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace builder::client {
class ArtifactDownloader;
}

namespace builder::views {

// An execution's artifacts: download through the signed URL into the
// Downloads folder, then open with the desktop's handler.
class ArtifactsTab : public QWidget
{
    Q_OBJECT
public:
    explicit ArtifactsTab(StudioContext context, QWidget* parent = nullptr);

    void load(const QString& executionId);
    int count() const { return m_model->rowCount(); }

private:
    void download(bool openAfter);

    StudioContext m_context;
    models::MessageTableModel<feature::feature::v1::Artifact>* m_model;
    QTableView* m_table;
    QPushButton* m_download;
    QPushButton* m_open;
    QLabel* m_status;
    client::ArtifactDownloader* m_downloader;
    QString m_openWhenDone;
};

} // namespace builder::views
