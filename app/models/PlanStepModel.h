#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <QAbstractTableModel>

#include <vector>

namespace builder::models {

// The execution plan's steps with their status, from the plan and the progress
// (and step.started / step.completed events as they arrive).
class PlanStepModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Status
    {
        Waiting,
        Running,
        Done,
        Failed
    };
    enum Column
    {
        IndexColumn,
        StatusColumn,
        TypeColumn,
        DescriptionColumn,
        FilesColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setExecution(const feature::feature::v1::FeatureExecution& execution);
    void setStepStatus(int stepIndex, Status status);
    Status status(int row) const;
    static QString statusName(Status status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        feature::feature::v1::PlanStep step;
        Status status = Status::Waiting;
    };
    std::vector<Row> m_rows;
};

} // namespace builder::models
