#include "ArtifactsTab.h"

#include "ErrorText.h"
#include "Icons.h"
#include "client/ArtifactDownloader.h"
#include "client/BackendClient.h"
#include "client/FeatureApi.h"
#include "models/TimeText.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace builder::views {

namespace fv1 = feature::feature::v1;
using ArtifactModel = models::MessageTableModel<fv1::Artifact>;

namespace {

QString typeName(fv1::ArtifactType type)
{
    switch (type) {
    case fv1::ARTIFACT_TYPE_PATCH:
        return ArtifactsTab::tr("Patch");
    case fv1::ARTIFACT_TYPE_BUILD_LOG:
        return ArtifactsTab::tr("Build log");
    case fv1::ARTIFACT_TYPE_TEST_REPORT:
        return ArtifactsTab::tr("Test report");
    case fv1::ARTIFACT_TYPE_COVERAGE_REPORT:
        return ArtifactsTab::tr("Coverage report");
    case fv1::ARTIFACT_TYPE_ANALYSIS_REPORT:
        return ArtifactsTab::tr("Analysis report");
    default:
        return ArtifactsTab::tr("Other");
    }
}

QVariant display(int role, const QVariant& value)
{
    return role == Qt::DisplayRole || role == Qt::ToolTipRole ? value : QVariant();
}

} // namespace

ArtifactsTab::ArtifactsTab(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    auto* layout = new QVBoxLayout(this);
    m_model = new ArtifactModel(
        {{tr("Name"), [](const fv1::Artifact& a,
                         int role) { return display(role, QString::fromStdString(a.name())); }},
         {tr("Type"),
          [](const fv1::Artifact& a, int role) { return display(role, typeName(a.type())); }},
         {tr("Size"),
          [](const fv1::Artifact& a, int role) {
              return display(role, QLocale().formattedDataSize(a.size()));
          }},
         {tr("Created"),
          [](const fv1::Artifact& a, int role) {
              return display(
                  role, models::TimeText::shortLocal(models::TimeText::toMsecs(a.created_at())));
          }}},
        this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("artifactTable"));
    m_table->setAccessibleName(tr("Artifacts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    auto* bar = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("artifactStatus"));
    m_status->setWordWrap(true);
    m_download = new QPushButton(Icons::get("download"), tr("&Download"), this);
    m_download->setObjectName(QStringLiteral("downloadArtifactButton"));
    m_open = new QPushButton(Icons::get("open"), tr("Download and &open"), this);
    m_open->setObjectName(QStringLiteral("openArtifactButton"));
    bar->addWidget(m_status, 1);
    bar->addWidget(m_download);
    bar->addWidget(m_open);
    layout->addLayout(bar);

    m_downloader = new client::ArtifactDownloader(this);
    connect(m_download, &QPushButton::clicked, this, [this] { download(false); });
    connect(m_open, &QPushButton::clicked, this, [this] { download(true); });
    connect(m_table, &QTableView::activated, this, [this] { download(true); });
    connect(m_downloader, &client::ArtifactDownloader::finished, this, [this](const QString& path) {
        m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        if (path == m_openWhenDone)
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    connect(m_downloader, &client::ArtifactDownloader::failed, this,
            [this](const QString& path, const QString& message) {
                m_status->setText(
                    tr("Download of %1 failed: %2").arg(QFileInfo(path).fileName(), message));
            });
}

void ArtifactsTab::load(const QString& executionId)
{
    m_context.client->features().artifacts(
        executionId.toStdString(), this,
        [this](common::Result<std::vector<fv1::Artifact>> artifacts) {
            if (!artifacts.ok()) {
                m_status->setText(
                    ErrorText::describe(artifacts.error(), "FeatureService.GetArtifacts"));
                return;
            }
            m_model->setItems(std::move(artifacts.value()));
            m_status->setText(m_model->rowCount() == 0 ? tr("No artifacts yet") : QString());
        });
}

void ArtifactsTab::download(bool openAfter)
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const fv1::Artifact& artifact = m_model->item(rows.first().row());
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path =
        QDir(folder.isEmpty() ? QDir::homePath() : folder)
            .filePath(QFileInfo(QString::fromStdString(artifact.name())).fileName());
    m_openWhenDone = openAfter ? path : QString();
    m_status->setText(tr("Downloading %1…").arg(QString::fromStdString(artifact.name())));
    m_downloader->download(QUrl(QString::fromStdString(artifact.url())), path);
}

} // namespace builder::views
