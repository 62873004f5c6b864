#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace builder::views {

// The strip across the top while builderd is unreachable: what is shown comes
// from the offline cache, and a button to try again now.
class OfflineBanner : public QFrame
{
    Q_OBJECT
public:
    explicit OfflineBanner(QWidget* parent = nullptr);

    void setServer(const QString& address);

signals:
    void retryRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_text;
    QPushButton* m_retry;
    QString m_server;
};

} // namespace builder::views
