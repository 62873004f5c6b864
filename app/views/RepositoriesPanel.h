#pragma once

#include "StudioContext.h"
#include "feature/repository/v1/repository.pb.h"

#include <memory>
#include <vector>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace builder::views {

// Repositories: the list with search, and register / edit / credentials /
// validate access / delete on the selected one.
class RepositoriesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RepositoriesPanel(StudioContext context, QWidget* parent = nullptr);

    void refresh();

private:
    void loadPage(const std::string& pageToken,
                  std::shared_ptr<std::vector<feature::repository::v1::Repository>> collected);
    int selectedRow() const;
    void openDialog(int mode);
    void validateSelected();
    void deleteSelected();
    void updateButtons();
    void setStatus(const QString& text, bool error = false);

    StudioContext m_context;
    QLineEdit* m_search;
    QTableView* m_table;
    QSortFilterProxyModel* m_proxy;
    QPushButton* m_edit;
    QPushButton* m_credentials;
    QPushButton* m_validate;
    QPushButton* m_delete;
    QLabel* m_status;
};

} // namespace builder::views
