#pragma once

#include "common/Error.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

class QLabel;
class QWidget;

namespace builder::views {

// Puts each violation under the field it names: field paths ("spec.title",
// "url") map to an error label and the field widget, which gets marked invalid.
class FieldErrors
{
public:
    void bind(const QString& fieldPath, QWidget* field, QLabel* label);
    // Shows every violation at its field; returns the ones no field claims.
    QStringList show(const std::vector<common::Violation>& violations);
    // Client-side check of one field: shows or clears its message.
    void showField(const QString& fieldPath, const std::vector<common::Violation>& violations);
    void clear();
    bool hasErrors() const;

private:
    struct Binding
    {
        QWidget* field = nullptr;
        QLabel* label = nullptr;
    };
    QString match(const QString& fieldPath) const;
    static void mark(const Binding& binding, const QString& message);

    QHash<QString, Binding> m_bindings;
};

} // namespace builder::views
