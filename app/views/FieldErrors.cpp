#include "FieldErrors.h"

#include <QLabel>
#include <QWidget>

namespace builder::views {

void FieldErrors::bind(const QString& fieldPath, QWidget* field, QLabel* label)
{
    label->setVisible(false);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    m_bindings.insert(fieldPath, {field, label});
}

QString FieldErrors::match(const QString& fieldPath) const
{
    // Longest bound prefix wins: "spec.constraints.allowed_paths[2]" ->
    // "spec.constraints.allowed_paths".
    QString best;
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it) {
        const QString& bound = it.key();
        const bool prefix = fieldPath == bound || fieldPath.startsWith(bound + '.') ||
                            fieldPath.startsWith(bound + '[');
        if (prefix && bound.size() > best.size())
            best = bound;
    }
    return best;
}

void FieldErrors::mark(const Binding& binding, const QString& message)
{
    binding.label->setText(message);
    binding.label->setVisible(!message.isEmpty());
    if (binding.field) {
        binding.field->setProperty("invalid", !message.isEmpty());
        binding.field->setStyleSheet(
            message.isEmpty() ? QString() : QStringLiteral("border: 1px solid #d03b3b;"));
        binding.field->setAccessibleDescription(message);
    }
}

QStringList FieldErrors::show(const std::vector<common::Violation>& violations)
{
    clear();
    QHash<QString, QStringList> byField;
    QStringList unclaimed;
    for (const auto& violation : violations) {
        const QString path = QString::fromStdString(violation.fieldPath);
        const QString bound = match(path);
        const QString message = QString::fromStdString(violation.message);
        if (bound.isEmpty())
            unclaimed << (path.isEmpty() ? message : path + QStringLiteral(": ") + message);
        else
            byField[bound] << message;
    }
    for (auto it = byField.cbegin(); it != byField.cend(); ++it)
        mark(m_bindings.value(it.key()), it.value().join('\n'));
    return unclaimed;
}

void FieldErrors::showField(const QString& fieldPath,
                            const std::vector<common::Violation>& violations)
{
    const auto it = m_bindings.constFind(fieldPath);
    if (it == m_bindings.constEnd())
        return;
    QStringList messages;
    for (const auto& violation : violations)
        messages << QString::fromStdString(violation.message);
    mark(it.value(), messages.join('\n'));
}

void FieldErrors::clear()
{
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it)
        mark(it.value(), QString());
}

bool FieldErrors::hasErrors() const
{
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it)
        if (it.value().label->isVisible())
            return true;
    return false;
}

} // namespace builder::views
