#include "LocalizationPreviewPanel.h"

#include "ErrorText.h"
#include "client/BackendClient.h"
#include "client/ServiceProbe.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace builder::views {

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
    m_files->setMaximumHeight(90);
    m_files->setVisible(false);
    m_button = new QPushButton(tr("Check again"), this);
    m_button->setObjectName(QStringLiteral("localizationPreviewButton"));
    layout->addWidget(m_status);
    layout->addWidget(m_files);
    layout->addWidget(m_button, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_button, &QPushButton::clicked, this, &LocalizationPreviewPanel::probe);
}

void LocalizationPreviewPanel::probe()
{
    m_status->setText(tr("Checking whether the server offers it…"));
    m_context.client->probe().isOffered(
        QString::fromLatin1(kMethod), this, [this](common::Result<bool> offered) {
            if (!offered.ok()) {
                m_status->setText(ErrorText::describe(offered.error(),
                                                      QStringLiteral("LocalizeService.Preview")));
                return;
            }
            m_offered = offered.value();
            m_status->setText(
                m_offered ? tr("This server offers the localization preview, but this Studio "
                               "version does not know its message format yet.")
                          : tr("Localization preview: not offered by this server."));
        });
}

} // namespace builder::views
