#pragma once

#include "StudioContext.h"

#include <QWidget>

class QTabWidget;

namespace builder::views {

class AuditTab;
class DeadLetterTab;
class KillSwitchTab;
class TokensTab;

// Administration (admins only): kill switch, audit log, dead letters, tokens.
class AdminPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AdminPanel(StudioContext context, QWidget* parent = nullptr);

    void refresh();
    KillSwitchTab* killSwitch() const { return m_killSwitch; }

private:
    QTabWidget* m_tabs;
    KillSwitchTab* m_killSwitch;
    AuditTab* m_audit;
    DeadLetterTab* m_deadLetters;
    TokensTab* m_tokens;
};

} // namespace builder::views
