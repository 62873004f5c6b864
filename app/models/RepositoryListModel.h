#pragma once

#include "feature/repository/v1/repository.pb.h"

#include <QAbstractTableModel>

#include <vector>

namespace builder::models {

// Registered repositories, one row each, ordered as the server lists them.
class RepositoryListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        UrlColumn,
        BranchColumn,
        CredentialColumn,
        StateColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setRepositories(std::vector<feature::repository::v1::Repository> repositories);
    // Inserts or replaces by id.
    void upsert(const feature::repository::v1::Repository& repository);
    void removeById(const std::string& id);
    const feature::repository::v1::Repository& repository(int row) const;
    const std::vector<feature::repository::v1::Repository>& repositories() const
    {
        return m_repositories;
    }
    int rowOf(const std::string& id) const;
    QString nameOf(const std::string& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<feature::repository::v1::Repository> m_repositories;
};

} // namespace builder::models
