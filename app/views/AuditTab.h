#pragma once

#include "StudioContext.h"
#include "feature/admin/v1/admin.pb.h"
#include "models/MessageTableModel.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace builder::views {

// The audit log: who did what to which object, filtered by actor and action.
class AuditTab : public QWidget
{
    Q_OBJECT
public:
    explicit AuditTab(StudioContext context, QWidget* parent = nullptr);
    void refresh();

private:
    StudioContext m_context;
    QLineEdit* m_actor;
    QLineEdit* m_action;
    QLabel* m_status;
    models::MessageTableModel<feature::admin::v1::AuditEntry>* m_model;
};

} // namespace builder::views
