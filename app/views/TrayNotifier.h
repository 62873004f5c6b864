#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <QHash>
#include <QObject>

class QSystemTrayIcon;

namespace builder::views {

// Tray notifications when a feature completes, fails or awaits review. It sees
// every execution update; it speaks only on a change into one of those states.
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(QObject* parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    // Returns the message it showed (empty when it stayed quiet).
    QString observe(const feature::feature::v1::FeatureExecution& execution);
    bool trayAvailable() const;

signals:
    void activated(const QString& executionId);

private:
    QSystemTrayIcon* m_tray = nullptr;
    QHash<QString, int> m_states;
    QString m_lastExecution;
    bool m_enabled = true;
};

} // namespace builder::views
