#include "Confirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace builder::views {

void Confirmation::ask(QWidget* parent, const QString& objectName, const QString& title,
                       const QString& text, const QString& confirmText, std::function<void()> onYes)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(confirmText, QMessageBox::AcceptRole);
    yes->setObjectName(objectName + QStringLiteral("Yes"));
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
                     [box, yes, onYes = std::move(onYes)](QAbstractButton* clicked) {
                         if (clicked == yes)
                             onYes();
                         box->close();
                     });
    box->open();
}

} // namespace builder::views
