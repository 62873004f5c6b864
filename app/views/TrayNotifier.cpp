#include "TrayNotifier.h"

#include "Icons.h"

#include <QSystemTrayIcon>

namespace builder::views {

namespace fv1 = feature::feature::v1;

TrayNotifier::TrayNotifier(QObject* parent) : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(Icons::get("builder"), this);
        m_tray->setToolTip(tr("Builder Studio"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastExecution.isEmpty())
                emit activated(m_lastExecution);
        });
    }
}

bool TrayNotifier::trayAvailable() const
{
    return m_tray != nullptr;
}

QString TrayNotifier::observe(const fv1::FeatureExecution& execution)
{
    const QString id = QString::fromStdString(execution.id());
    const int state = execution.state();
    const auto known = m_states.constFind(id);
    const bool changed = known != m_states.constEnd() && *known != state;
    m_states.insert(id, state);
    if (!changed || !m_enabled)
        return {};
    const QString title = QString::fromStdString(execution.spec().title());
    QString message;
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    switch (execution.state()) {
    case fv1::FEATURE_STATE_COMPLETED:
        message = tr("Feature completed: %1").arg(title);
        break;
    case fv1::FEATURE_STATE_FAILED:
        message = tr("Feature failed: %1").arg(title);
        icon = QSystemTrayIcon::Warning;
        break;
    case fv1::FEATURE_STATE_AWAITING_REVIEW:
        message = tr("Feature awaits review: %1").arg(title);
        break;
    default:
        return {};
    }
    m_lastExecution = id;
    if (m_tray)
        m_tray->showMessage(tr("Builder Studio"), message, icon, 8000);
    return message;
}

} // namespace builder::views
