#include "AdminPanel.h"

#include "AuditTab.h"
#include "DeadLetterTab.h"
#include "Icons.h"
#include "KillSwitchTab.h"
#include "TokensTab.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace builder::views {

AdminPanel::AdminPanel(StudioContext context, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("adminPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Administration</h2>"), this));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("adminTabs"));
    m_killSwitch = new KillSwitchTab(context, m_tabs);
    m_audit = new AuditTab(context, m_tabs);
    m_deadLetters = new DeadLetterTab(context, m_tabs);
    m_tokens = new TokensTab(context, m_tabs);
    m_tabs->addTab(m_killSwitch, Icons::get("stop"), tr("Kill switch"));
    m_tabs->addTab(m_audit, Icons::get("timeline"), tr("Audit log"));
    m_tabs->addTab(m_deadLetters, Icons::get("warning"), tr("Dead letters"));
    m_tabs->addTab(m_tokens, Icons::get("key"), tr("Tokens"));
    layout->addWidget(m_tabs, 1);
}

void AdminPanel::refresh()
{
    m_killSwitch->refresh();
    m_audit->refresh();
    m_deadLetters->refresh();
    m_tokens->refresh();
}

} // namespace builder::views
