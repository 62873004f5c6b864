#include "OfflineBanner.h"

#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace builder::views {

OfflineBanner::OfflineBanner(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setStyleSheet(QStringLiteral("#offlineBanner { background: #c77c02; }"
                                 "#offlineBanner QLabel { color: white; font-weight: bold; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::get("offline").pixmap(18, 18));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("offlineBannerText"));
    m_text->setWordWrap(true);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("offlineRetryButton"));
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &OfflineBanner::retryRequested);
    retranslate();
}

void OfflineBanner::setServer(const QString& address)
{
    m_server = address;
    retranslate();
}

void OfflineBanner::retranslate()
{
    m_text->setText(tr("Offline: builderd at %1 cannot be reached. You are looking at cached "
                       "executions, events and diffs; changes are not possible until it is back.")
                        .arg(m_server));
    m_retry->setText(tr("Try again"));
    m_retry->setAccessibleName(tr("Try to reconnect now"));
    setAccessibleName(tr("Offline banner"));
}

void OfflineBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace builder::views
