#pragma once

#include "FieldErrors.h"
#include "feature/feature/v1/feature.pb.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QSpinBox;

namespace builder::views {

// The execution constraints of a new feature: max steps, timeout, allowed and
// forbidden paths (one per line), require tests / build.
class ConstraintsForm : public QWidget
{
    Q_OBJECT
public:
    explicit ConstraintsForm(QWidget* parent = nullptr);

    feature::feature::v1::FeatureConstraints constraints() const;
    // Binds its fields' error labels under "spec.constraints.*".
    void bindErrors(FieldErrors& errors);
    void validateLive(FieldErrors& errors) const;
    QJsonObject toJson() const;
    void fromJson(const QJsonObject& json);

signals:
    void changed();

private:
    QSpinBox* m_maxSteps;
    QSpinBox* m_timeout;
    QPlainTextEdit* m_allowed;
    QPlainTextEdit* m_forbidden;
    QCheckBox* m_requireTests;
    QCheckBox* m_requireBuild;
    class QLabel* m_maxStepsError;
    class QLabel* m_timeoutError;
    class QLabel* m_allowedError;
    class QLabel* m_forbiddenError;
};

} // namespace builder::views
