#pragma once

#include <QAbstractItemModel>
#include <QString>

#include <memory>
#include <vector>

namespace builder::models {

// The changed files of a diff as a directory tree, each file and folder with
// its added/removed line counts and number of findings.
class DiffFileTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        AddedColumn,
        RemovedColumn,
        FindingsColumn,
        ColumnCount
    };
    static constexpr int FileIndexRole = Qt::UserRole + 1; // -1 for folders
    static constexpr int PathRole = Qt::UserRole + 2;

    struct File
    {
        QString path;
        QString oldPath;
        QChar status; // A, M, D, R
        int additions = 0;
        int deletions = 0;
        int findings = 0;
        int fileIndex = -1; // index in the diff document
    };

    explicit DiffFileTreeModel(QObject* parent = nullptr);
    ~DiffFileTreeModel() override;

    void setFiles(const std::vector<File>& files);
    // The index of the file with that position in the diff document.
    QModelIndex indexOfFile(int fileIndex) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node
    {
        QString name;
        Node* parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        File file; // fileIndex -1 for folders
        int additions = 0;
        int deletions = 0;
        int findings = 0;
        int row = 0;
    };
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(const Node* node) const;
    static void finish(Node& node);

    std::unique_ptr<Node> m_root;
    std::vector<Node*> m_fileNodes; // by fileIndex
};

} // namespace builder::models
