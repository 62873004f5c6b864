#pragma once

#include "StudioContext.h"
#include "feature/admin/v1/admin.pb.h"
#include "models/MessageTableModel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace builder::views {

// The kill switch: global and per repository, engaged or released with a
// reason after a confirmation; the current states and their history.
class KillSwitchTab : public QWidget
{
    Q_OBJECT
public:
    explicit KillSwitchTab(StudioContext context, QWidget* parent = nullptr);

    void refresh();
    bool globalEngaged() const { return m_global.engaged(); }

private:
    void toggle(feature::admin::v1::KillSwitchScope scope, const std::string& repositoryId,
                bool engage);
    void showGlobal();
    void setError(const QString& text);

    StudioContext m_context;
    feature::admin::v1::KillSwitchState m_global;
    QLabel* m_globalState;
    QPushButton* m_globalButton;
    QComboBox* m_repository;
    QPushButton* m_repositoryEngage;
    QPushButton* m_repositoryRelease;
    QLineEdit* m_reason;
    QLabel* m_error;
    models::MessageTableModel<feature::admin::v1::KillSwitchState>* m_states;
    models::MessageTableModel<feature::admin::v1::AuditEntry>* m_history;
};

} // namespace builder::views
