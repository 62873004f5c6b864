#include "FakeRequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace builder::fakes {

const char* fakeProviderName(FakeProviderKind kind)
{
    switch (kind) {
    case FakeProviderKind::Anthropic:
        return "anthropic";
    case FakeProviderKind::OpenAi:
        return "openai";
    case FakeProviderKind::Gemini:
        return "gemini";
    case FakeProviderKind::Unknown:
        break;
    }
    return "unknown";
}

std::string FakeRequest::header(const std::string& name) const
{
    const QByteArray wanted = QByteArray::fromStdString(name).toLower();
    for (const auto& [key, value] : headers)
        if (key == wanted)
            return value.toStdString();
    return {};
}

bool FakeRequest::hasHeader(const std::string& name) const
{
    const QByteArray wanted = QByteArray::fromStdString(name).toLower();
    for (const auto& header : headers)
        if (header.first == wanted)
            return true;
    return false;
}

namespace {

// Message content is a string or a list of {type: text, text} blocks (Anthropic, OpenAI).
std::string contentText(const QJsonValue& content)
{
    if (content.isString())
        return content.toString().toStdString();
    std::string out;
    for (const auto& block : content.toArray())
        out += block.toObject().value("text").toString().toStdString();
    return out;
}

std::string partsText(const QJsonValue& parts)
{
    std::string out;
    for (const auto& part : parts.toArray())
        out += part.toObject().value("text").toString().toStdString();
    return out;
}

} // namespace

void FakeRequest::interpret()
{
    json = QJsonDocument::fromJson(body).object();
    const QByteArray gemini = "/v1beta/models/";
    if (path == "/v1/messages")
        kind = FakeProviderKind::Anthropic;
    else if (path == "/v1/chat/completions")
        kind = FakeProviderKind::OpenAi;
    else if (path.startsWith(gemini) && path.endsWith(":generateContent"))
        kind = FakeProviderKind::Gemini;

    std::vector<std::string> texts;
    auto addMessage = [&](const std::string& role, const std::string& text) {
        texts.push_back(text);
        if (role == "user")
            lastUserText = text;
    };
    switch (kind) {
    case FakeProviderKind::Anthropic: {
        model = json.value("model").toString().toStdString();
        system = contentText(json.value("system"));
        for (const auto& m : json.value("messages").toArray())
            addMessage(m.toObject().value("role").toString().toStdString(),
                       contentText(m.toObject().value("content")));
        const QJsonObject choice = json.value("tool_choice").toObject();
        forcedTool = choice.value("type").toString() == "tool";
        toolName = choice.value("name").toString().toStdString();
        for (const auto& tool : json.value("tools").toArray())
            if (tool.toObject().value("name").toString().toStdString() == toolName)
                schema = tool.toObject().value("input_schema").toObject();
        if (forcedTool)
            stage = toolName;
        break;
    }
    case FakeProviderKind::OpenAi: {
        model = json.value("model").toString().toStdString();
        for (const auto& m : json.value("messages").toArray()) {
            const std::string role = m.toObject().value("role").toString().toStdString();
            const std::string text = contentText(m.toObject().value("content"));
            if (role == "system" || role == "developer")
                system += (system.empty() ? "" : "\n") + text;
            else
                addMessage(role, text);
        }
        const QJsonObject format = json.value("response_format").toObject();
        if (format.value("type").toString() == "json_schema") {
            const QJsonObject spec = format.value("json_schema").toObject();
            schema = spec.value("schema").toObject();
            stage = spec.value("name").toString().toStdString();
        }
        break;
    }
    case FakeProviderKind::Gemini: {
        model = path.mid(gemini.size(), path.size() - gemini.size() - 16).toStdString();
        system = partsText(json.value("systemInstruction").toObject().value("parts"));
        for (const auto& c : json.value("contents").toArray())
            addMessage(c.toObject().value("role").toString("user").toStdString(),
                       partsText(c.toObject().value("parts")));
        schema = json.value("generationConfig").toObject().value("responseSchema").toObject();
        break;
    }
    case FakeProviderKind::Unknown:
        break;
    }
    prompt = system;
    for (const auto& text : texts)
        prompt += (prompt.empty() ? "" : "\n") + text;
    if (const std::string marked = header("x-builder-stage"); !marked.empty())
        stage = marked;
}

} // namespace builder::fakes
