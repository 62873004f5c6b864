#include "DemoModel.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace builder::itest {

DemoModel::DemoModel(const QString& answersPath)
    : m_directory(QFileInfo(answersPath).absolutePath())
{
    QFile file(answersPath);
    if (file.open(QIODevice::ReadOnly))
        m_answers = QJsonDocument::fromJson(file.readAll()).object();
}

namespace {
// The demo's spec lives in text files beside the answers, where the README's
// run command reads it too.
QString readTrimmed(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}
} // namespace

QString DemoModel::title() const
{
    return readTrimmed(m_directory + "/feature-title.txt");
}

QString DemoModel::description() const
{
    return readTrimmed(m_directory + "/feature-description.txt");
}

std::string DemoModel::keyOf(const fakes::FakeRequest& request)
{
    if (request.stage != "generate_code")
        return request.stage;
    static const QRegularExpression step(QStringLiteral("Implement step (\\d+) now"));
    const auto match = step.match(QString::fromStdString(request.prompt));
    return "generate_code/" + (match.hasMatch() ? match.captured(1).toStdString() : "?");
}

void DemoModel::override(const std::string& key, std::function<fakes::FakeReply()> reply, int times)
{
    std::lock_guard lock(m_mutex);
    m_overrides[key] = Override{std::move(reply), times};
}

int DemoModel::count(const std::string& key) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_counts.find(key);
    return it == m_counts.end() ? 0 : it->second;
}

fakes::FakeReply DemoModel::answer(const fakes::FakeRequest& request)
{
    const auto key = keyOf(request);
    std::function<fakes::FakeReply()> custom;
    {
        std::lock_guard lock(m_mutex);
        ++m_counts[key];
        auto it = m_overrides.find(key);
        if (it != m_overrides.end() && it->second.remaining != 0) {
            custom = it->second.reply;
            if (it->second.remaining > 0)
                --it->second.remaining;
        }
    }
    if (custom)
        return custom();
    QJsonValue value;
    if (request.stage == "generate_code") {
        const auto step = QString::fromStdString(key.substr(key.find('/') + 1)).toInt();
        value = m_answers["generate_code"].toArray().at(step);
    } else {
        value = m_answers[QString::fromStdString(request.stage)];
    }
    if (value.isUndefined() || value.isNull())
        return fakes::FakeReply::error(400, "invalid_request_error",
                                       "the demo model has no answer for " + key);
    return fakes::FakeReply::json(value).withUsage(1200, 300);
}

} // namespace builder::itest
