#include "RepositoryListModel.h"

namespace builder::models {

namespace rv1 = feature::repository::v1;

namespace {

QString credentialName(const rv1::Repository& repository)
{
    if (!repository.has_credentials())
        return RepositoryListModel::tr("None");
    switch (repository.credential_type()) {
    case rv1::CREDENTIAL_TYPE_SSH_KEY:
        return RepositoryListModel::tr("SSH key");
    case rv1::CREDENTIAL_TYPE_TOKEN:
        return RepositoryListModel::tr("Token");
    case rv1::CREDENTIAL_TYPE_OAUTH:
        return RepositoryListModel::tr("OAuth");
    case rv1::CREDENTIAL_TYPE_BASIC:
        return RepositoryListModel::tr("User and password");
    default:
        return RepositoryListModel::tr("Stored");
    }
}

QString stateName(feature::common::v1::State state)
{
    switch (state) {
    case feature::common::v1::STATE_ACTIVE:
        return RepositoryListModel::tr("Active");
    case feature::common::v1::STATE_INACTIVE:
        return RepositoryListModel::tr("Inactive");
    case feature::common::v1::STATE_DELETED:
        return RepositoryListModel::tr("Deleted");
    default:
        return RepositoryListModel::tr("Unknown");
    }
}

} // namespace

void RepositoryListModel::setRepositories(std::vector<rv1::Repository> repositories)
{
    beginResetModel();
    m_repositories = std::move(repositories);
    endResetModel();
}

void RepositoryListModel::upsert(const rv1::Repository& repository)
{
    const int row = rowOf(repository.id());
    if (row >= 0) {
        m_repositories[static_cast<std::size_t>(row)] = repository;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int end = rowCount();
    beginInsertRows({}, end, end);
    m_repositories.push_back(repository);
    endInsertRows();
}

void RepositoryListModel::removeById(const std::string& id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_repositories.erase(m_repositories.begin() + row);
    endRemoveRows();
}

const rv1::Repository& RepositoryListModel::repository(int row) const
{
    return m_repositories.at(static_cast<std::size_t>(row));
}

int RepositoryListModel::rowOf(const std::string& id) const
{
    for (std::size_t i = 0; i < m_repositories.size(); ++i)
        if (m_repositories[i].id() == id)
            return static_cast<int>(i);
    return -1;
}

QString RepositoryListModel::nameOf(const std::string& id) const
{
    const int row = rowOf(id);
    return row < 0 ? QString::fromStdString(id.substr(0, 8))
                   : QString::fromStdString(repository(row).name());
}

int RepositoryListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_repositories.size());
}

int RepositoryListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RepositoryListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& repository = m_repositories[static_cast<std::size_t>(index.row())];
    if (role == IdRole)
        return QString::fromStdString(repository.id());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return QString::fromStdString(repository.name());
    case UrlColumn:
        return QString::fromStdString(repository.url());
    case BranchColumn:
        return QString::fromStdString(repository.default_branch());
    case CredentialColumn:
        return credentialName(repository);
    case StateColumn:
        return stateName(repository.state());
    default:
        return {};
    }
}

QVariant RepositoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UrlColumn:
        return tr("URL");
    case BranchColumn:
        return tr("Default branch");
    case CredentialColumn:
        return tr("Credentials");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace builder::models
