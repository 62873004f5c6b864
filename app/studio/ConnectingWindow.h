#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace builder::studio {

// What the user sees while the Studio finds or starts builderd, and why it
// could not, with Retry and Settings.
class ConnectingWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectingWindow(QWidget* parent = nullptr);

    void setProgress(const QString& text);
    void setFailure(const QString& text);

signals:
    void retryRequested();
    void settingsRequested();

private:
    QLabel* m_text;
    QPushButton* m_retry;
    QPushButton* m_settings;
};

} // namespace builder::studio
