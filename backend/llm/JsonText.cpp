#include "JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace builder::llm {

using common::Error;
using common::StatusCode;

std::string JsonText::compact(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).toStdString();
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).toStdString();
    // Qt 6.4 documents only objects and arrays: wrap the scalar and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2).toStdString();
}

common::Result<QJsonValue> JsonText::parse(const std::string& text)
{
    QJsonParseError error;
    const QByteArray wrapped = "[" + QByteArray::fromStdString(text) + "\n]";
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        return Error(StatusCode::InvalidArgument,
                     error.errorString().toStdString() + " at offset " +
                         std::to_string(std::max(0, error.offset - 1)));
    const QJsonArray array = document.array();
    if (array.size() != 1)
        return Error(StatusCode::InvalidArgument,
                     array.isEmpty() ? "no JSON value" : "more than one JSON value");
    return array.first();
}

common::Result<QJsonObject> JsonText::schemaObject(const std::string& stage,
                                                   const std::string& schemaText)
{
    auto parsed = parse(schemaText);
    if (!parsed.ok() || !parsed->isObject())
        return Error(StatusCode::Internal,
                     "stage " + stage + ": jsonSchema is not a JSON object" +
                         (parsed.ok() ? std::string() : " (" + parsed.error().message() + ")"));
    return parsed->toObject();
}

} // namespace builder::llm
