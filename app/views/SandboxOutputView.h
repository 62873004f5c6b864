#pragma once

#include "AnsiText.h"

#include <QPlainTextEdit>

namespace builder::views {

// Live build and test output from the sandbox, ANSI colours rendered, the
// newest lines kept (a bounded number of blocks).
class SandboxOutputView : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr int kMaxLines = 20000;

    explicit SandboxOutputView(QWidget* parent = nullptr);

    void appendChunk(const QString& chunk, bool isError = false);
    void clearOutput();

private:
    AnsiText m_ansi;
};

} // namespace builder::views
