#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace builder::views {

// A non-blocking yes/cancel question (QMessageBox::open, never exec): the
// action runs only when the user confirms. Tests find it by objectName.
class Confirmation
{
public:
    static void ask(QWidget* parent, const QString& objectName, const QString& title,
                    const QString& text, const QString& confirmText, std::function<void()> onYes);
};

} // namespace builder::views
