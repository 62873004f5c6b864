#include "StateText.h"

#include <QCoreApplication>

namespace builder::models {

namespace fv1 = feature::feature::v1;

QString StateText::name(fv1::FeatureState state)
{
    switch (state) {
    case fv1::FEATURE_STATE_PENDING:
        return QCoreApplication::translate("StateText", "Pending");
    case fv1::FEATURE_STATE_ANALYZING:
        return QCoreApplication::translate("StateText", "Analyzing");
    case fv1::FEATURE_STATE_PLANNING:
        return QCoreApplication::translate("StateText", "Planning");
    case fv1::FEATURE_STATE_EXECUTING:
        return QCoreApplication::translate("StateText", "Executing");
    case fv1::FEATURE_STATE_VERIFYING:
        return QCoreApplication::translate("StateText", "Verifying");
    case fv1::FEATURE_STATE_AWAITING_REVIEW:
        return QCoreApplication::translate("StateText", "Awaiting review");
    case fv1::FEATURE_STATE_COMPLETED:
        return QCoreApplication::translate("StateText", "Completed");
    case fv1::FEATURE_STATE_FAILED:
        return QCoreApplication::translate("StateText", "Failed");
    case fv1::FEATURE_STATE_CANCELLED:
        return QCoreApplication::translate("StateText", "Cancelled");
    default:
        return QCoreApplication::translate("StateText", "Unknown");
    }
}

QString StateText::stepType(fv1::StepType type)
{
    switch (type) {
    case fv1::STEP_TYPE_CREATE_FILE:
        return QCoreApplication::translate("StateText", "Create file");
    case fv1::STEP_TYPE_MODIFY_FILE:
        return QCoreApplication::translate("StateText", "Modify file");
    case fv1::STEP_TYPE_DELETE_FILE:
        return QCoreApplication::translate("StateText", "Delete file");
    case fv1::STEP_TYPE_RENAME_FILE:
        return QCoreApplication::translate("StateText", "Rename file");
    case fv1::STEP_TYPE_ADD_DEPENDENCY:
        return QCoreApplication::translate("StateText", "Add dependency");
    case fv1::STEP_TYPE_REFACTOR:
        return QCoreApplication::translate("StateText", "Refactor");
    case fv1::STEP_TYPE_TEST:
        return QCoreApplication::translate("StateText", "Test");
    case fv1::STEP_TYPE_DOCUMENTATION:
        return QCoreApplication::translate("StateText", "Documentation");
    default:
        return QCoreApplication::translate("StateText", "Step");
    }
}

QColor StateText::colour(fv1::FeatureState state)
{
    switch (state) {
    case fv1::FEATURE_STATE_COMPLETED:
        return QColor(0x2e, 0x9e, 0x4f);
    case fv1::FEATURE_STATE_FAILED:
        return QColor(0xd0, 0x3b, 0x3b);
    case fv1::FEATURE_STATE_CANCELLED:
        return QColor(0x8a, 0x8a, 0x8a);
    case fv1::FEATURE_STATE_AWAITING_REVIEW:
        return QColor(0xc7, 0x7c, 0x02);
    case fv1::FEATURE_STATE_PENDING:
        return QColor(0x5b, 0x7d, 0xb1);
    default:
        return QColor(0x2f, 0x74, 0xd0);
    }
}

bool StateText::isTerminal(fv1::FeatureState state)
{
    return state == fv1::FEATURE_STATE_COMPLETED || state == fv1::FEATURE_STATE_FAILED ||
           state == fv1::FEATURE_STATE_CANCELLED;
}

} // namespace builder::models
