#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <QColor>
#include <QString>

namespace builder::models {

// Human names and colours of execution states, one place for every view.
class StateText
{
public:
    static QString name(feature::feature::v1::FeatureState state);
    static QString stepType(feature::feature::v1::StepType type);
    static QColor colour(feature::feature::v1::FeatureState state);
    static bool isTerminal(feature::feature::v1::FeatureState state);
};

} // namespace builder::models
