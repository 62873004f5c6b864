#pragma once

#include "FakeReply.h"
#include "FakeRequest.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace builder::fakes {

// A JSON script of rules for the fake server, for tests and benches that run builderd as a
// separate process (format in shared/docs/llm.md). The first rule whose conditions (stage,
// provider, model, substring of the prompt) all match answers with its next reply; a rule's
// last reply repeats once its sequence is used up. Thread-safe.
class FakeScript
{
public:
    // nullopt with the reason (naming the rule and field) in `error`.
    static std::optional<FakeScript> fromJson(const QJsonObject& script, QString* error);
    static std::optional<FakeScript> load(const QString& path, QString* error);

    FakeReply respond(const FakeRequest& request);
    // The "apiKey" of the script; nullopt when it does not set one.
    std::optional<std::string> apiKey() const { return m_apiKey; }

    static std::optional<FakeReply> parseReply(const QJsonObject& json, QString* error);

private:
    struct Rule
    {
        std::string stage, provider, model, contains;
        std::vector<FakeReply> replies;
        std::size_t used = 0;
    };
    std::shared_ptr<std::mutex> m_mutex = std::make_shared<std::mutex>();
    std::vector<Rule> m_rules;
    std::optional<FakeReply> m_default;
    std::optional<std::string> m_apiKey;
};

} // namespace builder::fakes
