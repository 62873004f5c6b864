#include "FakeScript.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace builder::fakes {

std::optional<FakeReply> FakeScript::parseReply(const QJsonObject& json, QString* error)
{
    auto fail = [&](const QString& what) {
        if (error)
            *error = what;
        return std::nullopt;
    };
    FakeReply reply;
    if (json.contains("text")) {
        reply = FakeReply::answer(json.value("text").toString().toStdString());
    } else if (json.contains("json")) {
        reply = FakeReply::json(json.value("json"));
    } else if (json.contains("error")) {
        const QJsonObject e = json.value("error").toObject();
        reply =
            FakeReply::error(e.value("status").toInt(400), e.value("type").toString().toStdString(),
                             e.value("message").toString().toStdString());
    } else if (json.contains("rateLimited")) {
        reply = FakeReply::rateLimited(json.value("rateLimited").toInt(1));
    } else if (json.value("serverError").toBool()) {
        reply = FakeReply::serverError();
    } else if (json.value("overloaded").toBool()) {
        reply = FakeReply::overloaded();
    } else if (json.value("malformed").toBool()) {
        reply = FakeReply::malformed();
    } else if (json.value("truncated").toBool()) {
        reply = FakeReply::truncated();
    } else if (json.value("disconnect").toBool()) {
        reply = FakeReply::disconnect();
    } else if (json.contains("status")) {
        const QJsonValue body = json.value("body");
        reply = FakeReply::raw(json.value("status").toInt(),
                               body.isString()
                                   ? body.toString().toUtf8()
                                   : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact));
    } else {
        return fail("a reply needs one of text, json, error, rateLimited, serverError, overloaded, "
                    "malformed, truncated, disconnect or status");
    }
    const QJsonObject headers = json.value("headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        reply.withHeader(it.key().toLatin1(), it.value().toString().toLatin1());
    if (json.contains("delayMs"))
        reply.after(std::chrono::milliseconds(json.value("delayMs").toInteger()));
    if (json.contains("usage")) {
        const QJsonObject usage = json.value("usage").toObject();
        reply.withUsage(usage.value("input").toInteger(), usage.value("output").toInteger());
    }
    if (json.value("cutOff").toBool())
        reply.stoppedAtLimit();
    return reply;
}

std::optional<FakeScript> FakeScript::fromJson(const QJsonObject& script, QString* error)
{
    FakeScript out;
    if (script.value("apiKey").isString())
        out.m_apiKey = script.value("apiKey").toString().toStdString();
    const QJsonArray rules = script.value("rules").toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject json = rules.at(i).toObject();
        Rule rule;
        rule.stage = json.value("stage").toString().toStdString();
        rule.provider = json.value("provider").toString().toStdString();
        rule.model = json.value("model").toString().toStdString();
        rule.contains = json.value("contains").toString().toStdString();
        QJsonArray replies = json.value("replies").toArray();
        if (json.value("reply").isObject())
            replies.prepend(json.value("reply"));
        if (replies.isEmpty()) {
            if (error)
                *error = QString("rules[%1] needs \"reply\" or a non-empty \"replies\"").arg(i);
            return std::nullopt;
        }
        for (qsizetype j = 0; j < replies.size(); ++j) {
            QString why;
            auto reply = parseReply(replies.at(j).toObject(), &why);
            if (!reply) {
                if (error)
                    *error = QString("rules[%1].replies[%2]: %3").arg(i).arg(j).arg(why);
                return std::nullopt;
            }
            rule.replies.push_back(*reply);
        }
        out.m_rules.push_back(std::move(rule));
    }
    if (script.value("default").isObject()) {
        QString why;
        out.m_default = parseReply(script.value("default").toObject(), &why);
        if (!out.m_default) {
            if (error)
                *error = "default: " + why;
            return std::nullopt;
        }
    }
    return out;
}

std::optional<FakeScript> FakeScript::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = "cannot read " + path + ": " + file.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = path + " is not a JSON object: " + parseError.errorString();
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

FakeReply FakeScript::respond(const FakeRequest& request)
{
    std::lock_guard<std::mutex> lock(*m_mutex);
    for (auto& rule : m_rules) {
        if ((!rule.stage.empty() && rule.stage != request.stage) ||
            (!rule.provider.empty() && rule.provider != fakeProviderName(request.kind)) ||
            (!rule.model.empty() && rule.model != request.model) ||
            (!rule.contains.empty() && request.prompt.find(rule.contains) == std::string::npos))
            continue;
        const std::size_t index = std::min(rule.used, rule.replies.size() - 1);
        ++rule.used;
        return rule.replies[index];
    }
    if (m_default)
        return *m_default;
    return FakeReply::error(400, "invalid_request_error",
                            "fake LLM script: no rule matches stage \"" + request.stage + "\"");
}

} // namespace builder::fakes
