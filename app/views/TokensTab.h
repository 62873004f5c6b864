#pragma once

#include "StudioContext.h"
#include "feature/admin/v1/admin.pb.h"
#include "models/MessageTableModel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace builder::views {

// API tokens: list (optionally with revoked ones), create (shown once), revoke.
class TokensTab : public QWidget
{
    Q_OBJECT
public:
    explicit TokensTab(StudioContext context, QWidget* parent = nullptr);
    void refresh();

private:
    void create();
    void revoke();

    StudioContext m_context;
    QTableView* m_view;
    QCheckBox* m_showRevoked;
    QLineEdit* m_user;
    QComboBox* m_role;
    QSpinBox* m_days;
    QLineEdit* m_description;
    QLineEdit* m_newToken;
    QLabel* m_status;
    models::MessageTableModel<feature::admin::v1::TokenInfo>* m_model;
};

} // namespace builder::views
