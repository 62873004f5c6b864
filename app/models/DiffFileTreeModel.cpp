#include "DiffFileTreeModel.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace builder::models {

DiffFileTreeModel::DiffFileTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{}

DiffFileTreeModel::~DiffFileTreeModel() = default;

void DiffFileTreeModel::setFiles(const std::vector<File>& files)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_fileNodes.clear();
    int maxIndex = -1;
    for (const File& file : files)
        maxIndex = std::max(maxIndex, file.fileIndex);
    m_fileNodes.assign(static_cast<std::size_t>(maxIndex + 1), nullptr);
    for (const File& file : files) {
        const QStringList parts = file.path.split('/', Qt::SkipEmptyParts);
        Node* at = m_root.get();
        for (int i = 0; i + 1 < parts.size(); ++i) {
            auto it = std::find_if(at->children.begin(), at->children.end(), [&](const auto& c) {
                return c->file.fileIndex < 0 && c->name == parts[i];
            });
            if (it == at->children.end()) {
                auto folder = std::make_unique<Node>();
                folder->name = parts[i];
                folder->parent = at;
                at->children.push_back(std::move(folder));
                at = at->children.back().get();
            } else {
                at = it->get();
            }
        }
        auto leaf = std::make_unique<Node>();
        leaf->name = parts.isEmpty() ? file.path : parts.last();
        leaf->parent = at;
        leaf->file = file;
        leaf->additions = file.additions;
        leaf->deletions = file.deletions;
        leaf->findings = file.findings;
        if (file.fileIndex >= 0)
            m_fileNodes[static_cast<std::size_t>(file.fileIndex)] = leaf.get();
        at->children.push_back(std::move(leaf));
    }
    finish(*m_root);
    endResetModel();
}

void DiffFileTreeModel::finish(Node& node)
{
    // Folders first, then by name; rows and folder sums follow.
    std::stable_sort(node.children.begin(), node.children.end(), [](const auto& a, const auto& b) {
        const bool aFolder = a->file.fileIndex < 0;
        const bool bFolder = b->file.fileIndex < 0;
        if (aFolder != bFolder)
            return aFolder;
        return a->name < b->name;
    });
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        Node& child = *node.children[i];
        child.row = static_cast<int>(i);
        if (child.file.fileIndex < 0) {
            finish(child);
        }
        if (node.file.fileIndex < 0) {
            node.additions += child.additions;
            node.deletions += child.deletions;
            node.findings += child.findings;
        }
    }
}

DiffFileTreeModel::Node* DiffFileTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex DiffFileTreeModel::indexOfNode(const Node* node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node*>(node));
}

QModelIndex DiffFileTreeModel::indexOfFile(int fileIndex) const
{
    if (fileIndex < 0 || fileIndex >= static_cast<int>(m_fileNodes.size()))
        return {};
    return indexOfNode(m_fileNodes[static_cast<std::size_t>(fileIndex)]);
}

QModelIndex DiffFileTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node* node = nodeOf(parent);
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex DiffFileTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int DiffFileTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int DiffFileTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant DiffFileTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeOf(index);
    const bool folder = node->file.fileIndex < 0;
    switch (role) {
    case FileIndexRole:
        return node->file.fileIndex;
    case PathRole:
        return node->file.path;
    case Qt::ToolTipRole:
        if (folder)
            return node->name;
        if (!node->file.oldPath.isEmpty() && node->file.oldPath != node->file.path)
            return tr("%1 (renamed from %2)").arg(node->file.path, node->file.oldPath);
        return node->file.path;
    case Qt::ForegroundRole:
        if (index.column() == AddedColumn)
            return QBrush(QColor(0x2e, 0x9e, 0x4f));
        if (index.column() == RemovedColumn)
            return QBrush(QColor(0xd0, 0x3b, 0x3b));
        if (index.column() == FindingsColumn && node->findings > 0)
            return QBrush(QColor(0xc7, 0x7c, 0x02));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return folder || node->file.status.isNull()
                   ? node->name
                   : QStringLiteral("%1  [%2]").arg(node->name, node->file.status);
    case AddedColumn:
        return QStringLiteral("+%1").arg(node->additions);
    case RemovedColumn:
        return QStringLiteral("\u2212%1").arg(node->deletions);
    case FindingsColumn:
        return node->findings > 0 ? QVariant(node->findings) : QVariant();
    default:
        return {};
    }
}

QVariant DiffFileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("File");
    case AddedColumn:
        return tr("Added");
    case RemovedColumn:
        return tr("Removed");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

} // namespace builder::models
