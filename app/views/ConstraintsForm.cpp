#include "ConstraintsForm.h"

#include "common/FeatureValidation.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace builder::views {

namespace fv1 = feature::feature::v1;
using common::FeatureValidation;

namespace {

QStringList lines(const QPlainTextEdit* edit)
{
    QStringList out;
    for (const QString& line : edit->toPlainText().split('\n'))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

QLabel* errorLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    return label;
}

} // namespace

ConstraintsForm::ConstraintsForm(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    m_maxSteps = new QSpinBox(this);
    m_maxSteps->setObjectName(QStringLiteral("maxStepsSpin"));
    m_maxSteps->setAccessibleName(tr("Maximum steps"));
    m_maxSteps->setRange(0, FeatureValidation::kMaxStepsMax);
    m_maxSteps->setSpecialValueText(tr("Server default (20)"));
    m_maxStepsError = errorLabel(this, "maxStepsError");
    form->addRow(tr("Max &steps:"), m_maxSteps);
    form->addRow(QString(), m_maxStepsError);

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setAccessibleName(tr("Timeout in minutes"));
    m_timeout->setRange(0, FeatureValidation::kTimeoutMinutesMax);
    m_timeout->setSuffix(tr(" min"));
    m_timeout->setSpecialValueText(tr("Server default (60 min)"));
    m_timeoutError = errorLabel(this, "timeoutError");
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(QString(), m_timeoutError);

    m_allowed = new QPlainTextEdit(this);
    m_allowed->setObjectName(QStringLiteral("allowedPathsEdit"));
    m_allowed->setAccessibleName(tr("Allowed paths, one per line"));
    m_allowed->setPlaceholderText(tr("src/**\ntests/**"));
    m_allowed->setMaximumHeight(64);
    m_allowedError = errorLabel(this, "allowedPathsError");
    form->addRow(tr("&Allowed paths:"), m_allowed);
    form->addRow(QString(), m_allowedError);

    m_forbidden = new QPlainTextEdit(this);
    m_forbidden->setObjectName(QStringLiteral("forbiddenPathsEdit"));
    m_forbidden->setAccessibleName(tr("Forbidden paths, one per line"));
    m_forbidden->setPlaceholderText(tr("secrets/**"));
    m_forbidden->setMaximumHeight(64);
    m_forbiddenError = errorLabel(this, "forbiddenPathsError");
    form->addRow(tr("&Forbidden paths:"), m_forbidden);
    form->addRow(QString(), m_forbiddenError);

    m_requireTests = new QCheckBox(tr("Require &tests"), this);
    m_requireTests->setObjectName(QStringLiteral("requireTestsCheck"));
    m_requireBuild = new QCheckBox(tr("Require a successful &build"), this);
    m_requireBuild->setObjectName(QStringLiteral("requireBuildCheck"));
    form->addRow(QString(), m_requireTests);
    form->addRow(QString(), m_requireBuild);

    connect(m_maxSteps, &QSpinBox::valueChanged, this, &ConstraintsForm::changed);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ConstraintsForm::changed);
    connect(m_allowed, &QPlainTextEdit::textChanged, this, &ConstraintsForm::changed);
    connect(m_forbidden, &QPlainTextEdit::textChanged, this, &ConstraintsForm::changed);
    connect(m_requireTests, &QCheckBox::toggled, this, &ConstraintsForm::changed);
    connect(m_requireBuild, &QCheckBox::toggled, this, &ConstraintsForm::changed);
}

fv1::FeatureConstraints ConstraintsForm::constraints() const
{
    fv1::FeatureConstraints c;
    c.set_max_steps(m_maxSteps->value());
    c.set_timeout_minutes(m_timeout->value());
    for (const QString& path : lines(m_allowed))
        c.add_allowed_paths(path.toStdString());
    for (const QString& path : lines(m_forbidden))
        c.add_forbidden_paths(path.toStdString());
    c.set_require_tests(m_requireTests->isChecked());
    c.set_require_build(m_requireBuild->isChecked());
    return c;
}

void ConstraintsForm::bindErrors(FieldErrors& errors)
{
    errors.bind("spec.constraints.max_steps", m_maxSteps, m_maxStepsError);
    errors.bind("spec.constraints.timeout_minutes", m_timeout, m_timeoutError);
    errors.bind("spec.constraints.allowed_paths", m_allowed, m_allowedError);
    errors.bind("spec.constraints.forbidden_paths", m_forbidden, m_forbiddenError);
}

void ConstraintsForm::validateLive(FieldErrors& errors) const
{
    errors.showField("spec.constraints.max_steps",
                     m_maxSteps->value() == 0
                         ? std::vector<common::Violation>{}
                         : FeatureValidation::validateMaxSteps(m_maxSteps->value()));
    errors.showField("spec.constraints.timeout_minutes",
                     m_timeout->value() == 0
                         ? std::vector<common::Violation>{}
                         : FeatureValidation::validateTimeoutMinutes(m_timeout->value()));
    auto paths = [](const QStringList& list, const char* field) {
        std::vector<common::Violation> out;
        for (int i = 0; i < list.size(); ++i) {
            const std::string path = std::string(field) + "[" + std::to_string(i) + "]";
            auto v = FeatureValidation::validatePathPattern(list[i].toStdString(), path);
            out.insert(out.end(), v.begin(), v.end());
        }
        return out;
    };
    errors.showField("spec.constraints.allowed_paths",
                     paths(lines(m_allowed), "spec.constraints.allowed_paths"));
    errors.showField("spec.constraints.forbidden_paths",
                     paths(lines(m_forbidden), "spec.constraints.forbidden_paths"));
}

QJsonObject ConstraintsForm::toJson() const
{
    return {{"maxSteps", m_maxSteps->value()},
            {"timeout", m_timeout->value()},
            {"allowed", m_allowed->toPlainText()},
            {"forbidden", m_forbidden->toPlainText()},
            {"requireTests", m_requireTests->isChecked()},
            {"requireBuild", m_requireBuild->isChecked()}};
}

void ConstraintsForm::fromJson(const QJsonObject& json)
{
    m_maxSteps->setValue(json.value("maxSteps").toInt());
    m_timeout->setValue(json.value("timeout").toInt());
    m_allowed->setPlainText(json.value("allowed").toString());
    m_forbidden->setPlainText(json.value("forbidden").toString());
    m_requireTests->setChecked(json.value("requireTests").toBool());
    m_requireBuild->setChecked(json.value("requireBuild").toBool());
}

} // namespace builder::views
