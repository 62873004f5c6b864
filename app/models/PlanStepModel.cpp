#include "PlanStepModel.h"

#include "StateText.h"

#include <QStringList>

namespace builder::models {

namespace fv1 = feature::feature::v1;

void PlanStepModel::setExecution(const fv1::FeatureExecution& execution)
{
    beginResetModel();
    m_rows.clear();
    const auto& progress = execution.progress();
    const bool failed = execution.state() == fv1::FEATURE_STATE_FAILED;
    for (const auto& step : execution.plan().steps()) {
        Row row{step, Status::Waiting};
        if (step.index() < progress.completed_steps())
            row.status = Status::Done;
        else if (failed && execution.error().failed_step() == step.index())
            row.status = Status::Failed;
        else if (step.index() == progress.current_step() &&
                 !StateText::isTerminal(execution.state()) &&
                 execution.state() != fv1::FEATURE_STATE_PENDING)
            row.status = Status::Running;
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void PlanStepModel::setStepStatus(int stepIndex, Status status)
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].step.index() != stepIndex)
            continue;
        m_rows[i].status = status;
        const int row = static_cast<int>(i);
        emit dataChanged(index(row, StatusColumn), index(row, StatusColumn));
        return;
    }
}

PlanStepModel::Status PlanStepModel::status(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).status;
}

QString PlanStepModel::statusName(Status status)
{
    switch (status) {
    case Status::Waiting:
        return tr("Waiting");
    case Status::Running:
        return tr("Running");
    case Status::Done:
        return tr("Done");
    case Status::Failed:
        return tr("Failed");
    }
    return {};
}

int PlanStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PlanStepModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanStepModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case IndexColumn:
        return row.step.index() + 1;
    case StatusColumn:
        return statusName(row.status);
    case TypeColumn:
        return StateText::stepType(row.step.type());
    case DescriptionColumn:
        return QString::fromStdString(row.step.description());
    case FilesColumn: {
        QStringList files;
        for (const auto& file : row.step.target_files())
            files << QString::fromStdString(file);
        return files.join(", ");
    }
    default:
        return {};
    }
}

QVariant PlanStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn:
        return tr("Step");
    case StatusColumn:
        return tr("Status");
    case TypeColumn:
        return tr("Type");
    case DescriptionColumn:
        return tr("Description");
    case FilesColumn:
        return tr("Files");
    default:
        return {};
    }
}

} // namespace builder::models
