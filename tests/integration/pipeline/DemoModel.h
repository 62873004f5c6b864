#pragma once

#include "FakeReply.h"
#include "FakeRequest.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace builder::itest {

// The model's side of the demo feature ("Count characters" on the sample
// repository), answered from resources/demo/answers.json by stage and step;
// the spec itself is resources/demo/feature-title.txt and feature-description.txt.
// Tests change single answers (a delay, an error, a bad edit) with override().
class DemoModel
{
public:
    explicit DemoModel(const QString& answersPath);
    bool ok() const { return !m_answers.isEmpty(); }

    // The fake server's responder.
    fakes::FakeReply answer(const fakes::FakeRequest& request);

    // Replaces the answer to `key` ("normalize_spec", "generate_code/1", ...)
    // for its next `times` requests (-1: always).
    void override(const std::string& key, std::function<fakes::FakeReply()> reply, int times = -1);
    // How many requests each key received.
    int count(const std::string& key) const;

    QString title() const;
    QString description() const;
    // The key a request answers to: its stage, plus "/<step>" for generate_code.
    static std::string keyOf(const fakes::FakeRequest& request);

private:
    struct Override
    {
        std::function<fakes::FakeReply()> reply;
        int remaining = -1;
    };
    QString m_directory;
    QJsonObject m_answers;
    mutable std::mutex m_mutex;
    std::map<std::string, Override> m_overrides;
    std::map<std::string, int> m_counts;
};

} // namespace builder::itest
