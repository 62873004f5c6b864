#pragma once

#include "StudioContext.h"
#include "feature/admin/v1/admin.pb.h"
#include "models/MessageTableModel.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace builder::views {

// Jobs that failed all their retries, with requeue.
class DeadLetterTab : public QWidget
{
    Q_OBJECT
public:
    explicit DeadLetterTab(StudioContext context, QWidget* parent = nullptr);
    void refresh();

private:
    void requeue();

    StudioContext m_context;
    QTableView* m_view;
    QLabel* m_status;
    models::MessageTableModel<feature::admin::v1::DeadLetter>* m_model;
};

} // namespace builder::views
