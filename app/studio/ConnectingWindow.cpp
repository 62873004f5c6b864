#include "ConnectingWindow.h"

#include "views/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace builder::studio {

ConnectingWindow::ConnectingWindow(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("connectingWindow"));
    setWindowTitle(tr("Builder Studio"));
    setWindowIcon(views::Icons::get("builder"));
    resize(560, 200);
    auto* layout = new QVBoxLayout(this);
    auto* logo = new QLabel(this);
    logo->setPixmap(views::Icons::get("builder").pixmap(48, 48));
    logo->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("connectingText"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("connectRetryButton"));
    m_settings = new QPushButton(tr("&Settings…"), this);
    m_settings->setObjectName(QStringLiteral("connectSettingsButton"));
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_settings);
    buttons->addStretch(1);
    layout->addWidget(logo);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    connect(m_retry, &QPushButton::clicked, this, &ConnectingWindow::retryRequested);
    connect(m_settings, &QPushButton::clicked, this, &ConnectingWindow::settingsRequested);
    setProgress(tr("Connecting…"));
}

void ConnectingWindow::setProgress(const QString& text)
{
    m_text->setText(text);
    m_text->setStyleSheet(QString());
    m_retry->setVisible(false);
}

void ConnectingWindow::setFailure(const QString& text)
{
    m_text->setText(text);
    m_text->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    m_retry->setVisible(true);
}

} // namespace builder::studio
