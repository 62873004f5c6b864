#include "CompletionRequest.h"

#include <QCryptographicHash>

#include <charconv>

namespace builder::llm {

namespace {

// Length-prefixed fields so that no two different requests hash the same bytes
// ("ab" + "c" versus "a" + "bc").
void addField(QCryptographicHash& hash, const char* label, const std::string& value)
{
    const std::string head = std::string(label) + ":" + std::to_string(value.size()) + ":";
    hash.addData(QByteArrayView(head.data(), static_cast<qsizetype>(head.size())));
    hash.addData(QByteArrayView(value.data(), static_cast<qsizetype>(value.size())));
}

std::string shortestDouble(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace

std::string CompletionRequest::key() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, "v", "1");
    addField(hash, "stage", stage);
    addField(hash, "model", model);
    addField(hash, "system", system);
    addField(hash, "messages", std::to_string(messages.size()));
    for (const auto& message : messages) {
        addField(hash, "role", message.role == Role::User ? "user" : "assistant");
        addField(hash, "text", message.text);
    }
    addField(hash, "schema", jsonSchema);
    addField(hash, "temperature", shortestDouble(temperature));
    return hash.result().toHex().toStdString();
}

} // namespace builder::llm
