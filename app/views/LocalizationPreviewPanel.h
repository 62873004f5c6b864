#pragma once

#include "StudioContext.h"

#include <QGroupBox>

class QLabel;
class QListWidget;
class QPushButton;

namespace builder::views {

// "Which files would this touch?" before any code is written. The localization
// service is probed first; a server without it gets "not offered by this server".
class LocalizationPreviewPanel : public QGroupBox
{
    Q_OBJECT
public:
    // The method the Studio looks for (the localize service's preview RPC).
    static constexpr const char* kMethod = "/feature.localize.v1.LocalizeService/Preview";

    explicit LocalizationPreviewPanel(StudioContext context, QWidget* parent = nullptr);

    void probe();
    bool offered() const { return m_offered; }

private:
    StudioContext m_context;
    QLabel* m_status;
    QListWidget* m_files;
    QPushButton* m_button;
    bool m_offered = false;
};

} // namespace builder::views
