#include "LocalizationPreviewPanel.h"

#include "ErrorText.h"
#include "client/AnalysisApi.h"
#include "client/BackendClient.h"
#include "client/ServiceProbe.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

namespace builder::views {

namespace av1 = feature::analysis::v1;

namespace {

constexpr int kTopFiles = 15;

} // namespace

LocalizationPreviewPanel::LocalizationPreviewPanel(StudioContext context, QWidget* parent)
    : QGroupBox(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("localizationPreview"));
    setTitle(tr("Localization preview (files ranked before any code is written)"));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Checking whether the server offers it…"), this);
    m_status->setObjectName(QStringLiteral("localizationPreviewStatus"));
    m_status->setWordWrap(true);
    m_files = new QListWidget(this);
    m_files->setObjectName(QStringLiteral("localizationPreviewFiles"));
    m_files->setAccessibleName(tr("Ranked files"));
    m_files->setVisible(false);
    m_button = new QPushButton(tr("Check again"), this);
    m_button->setObjectName(QStringLiteral("localizationPreviewButton"));
    layout->addWidget(m_status);
    layout->addWidget(m_files, 1);
    layout->addWidget(m_button, 0, Qt::AlignLeft);
    layout->addStretch(0);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_offered)
            emit previewRequested();
        else
            probe();
    });
}

void LocalizationPreviewPanel::setOffered(bool offered)
{
    m_offered = offered;
    m_button->setText(offered ? tr("Preview files") : tr("Check again"));
    m_status->setText(offered ? tr("Rank the repository's files against this description.")
                              : tr("Localization preview: not offered by this server."));
}

void LocalizationPreviewPanel::probe()
{
    m_status->setText(tr("Checking whether the server offers it…"));
    m_context.client->probe().isOffered(
        QString::fromLatin1(client::AnalysisApi::kLocalizeMethod), this,
        [this](common::Result<bool> offered) {
            if (!offered.ok()) {
                m_status->setText(ErrorText::describe(offered.error(),
                                                      QStringLiteral("AnalysisService.Localize")));
                return;
            }
            setOffered(offered.value());
        });
}

void LocalizationPreviewPanel::preview(const QString& repositoryId, const QString& text)
{
    if (repositoryId.isEmpty() || text.trimmed().isEmpty()) {
        m_status->setText(tr("Choose a repository and describe the feature first."));
        return;
    }
    av1::LocalizeRequest request;
    request.set_repository_id(repositoryId.toStdString());
    request.set_text(text.toStdString());
    request.set_top_k(kTopFiles);
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Ranking files…"));
    m_button->setEnabled(false);
    m_context.client->analysis().localize(
        request, this, [this, generation](common::Result<av1::LocalizeResponse> result) {
            if (generation != m_generation)
                return;
            m_button->setEnabled(true);
            if (!result.ok()) {
                if (ErrorText::isUnimplemented(result.error())) {
                    setOffered(false);
                    return;
                }
                m_status->setText(ErrorText::describe(result.error(),
                                                      QStringLiteral("AnalysisService.Localize")));
                return;
            }
            m_files->clear();
            for (const auto& file : result->files()) {
                QStringList symbols;
                for (const auto& symbol : file.matched_symbols())
                    symbols << QString::fromStdString(symbol.name());
                QString line = QStringLiteral("%1  %2")
                                   .arg(file.score(), 6, 'f', 2)
                                   .arg(QString::fromStdString(file.path()));
                if (!symbols.isEmpty())
                    line += QStringLiteral("  (") + symbols.join(", ") + ')';
                auto* item = new QListWidgetItem(line, m_files);
                item->setData(Qt::UserRole, QString::fromStdString(file.path()));
            }
            m_files->setVisible(true);
            m_status->setText(tr("%1 of %2 files match (commit %3, %4 ms)")
                                  .arg(result->matched_files())
                                  .arg(result->indexed_files())
                                  .arg(QString::fromStdString(result->commit_sha()).left(8))
                                  .arg(qRound(result->elapsed_ms())));
        });
}

} // namespace builder::views
