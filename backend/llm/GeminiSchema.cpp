#include "GeminiSchema.h"

#include <QJsonArray>

namespace builder::llm {

namespace {

std::optional<QString> geminiType(const QJsonValue& type, bool& nullable)
{
    QString name;
    if (type.isString()) {
        name = type.toString();
    } else if (type.isArray()) { // ["string", "null"] is the one union Gemini can say
        for (const auto& entry : type.toArray()) {
            if (entry.toString() == "null")
                nullable = true;
            else if (name.isEmpty())
                name = entry.toString();
            else
                return std::nullopt;
        }
    }
    static const QStringList kTypes = {"string", "integer", "number", "boolean", "array", "object"};
    if (!kTypes.contains(name))
        return std::nullopt;
    return name.toUpper();
}

} // namespace

std::optional<QJsonObject> GeminiSchema::convert(const QJsonObject& schema)
{
    bool nullable = false;
    const auto type = geminiType(schema.value("type"), nullable);
    if (!type)
        return std::nullopt;
    QJsonObject out{{"type", *type}};
    if (nullable)
        out["nullable"] = true;
    if (schema.contains("description"))
        out["description"] = schema.value("description");

    if (*type == "OBJECT") {
        QJsonObject properties;
        QJsonArray ordering;
        const QJsonObject source = schema.value("properties").toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            auto converted = convert(it.value().toObject());
            if (!converted)
                return std::nullopt;
            properties[it.key()] = *converted;
            ordering.append(it.key());
        }
        if (!properties.isEmpty()) {
            out["properties"] = properties;
            out["propertyOrdering"] = ordering;
        }
        if (schema.value("required").isArray())
            out["required"] = schema.value("required");
    } else if (*type == "ARRAY") {
        if (!schema.value("items").isObject())
            return std::nullopt;
        auto items = convert(schema.value("items").toObject());
        if (!items)
            return std::nullopt;
        out["items"] = *items;
        for (const char* key : {"minItems", "maxItems"})
            if (schema.value(key).isDouble())
                out[key] = QString::number(schema.value(key).toInteger()); // int64 as string
    } else if (*type == "STRING") {
        if (schema.value("enum").isArray()) {
            QJsonArray values;
            for (const auto& value : schema.value("enum").toArray())
                if (value.isString())
                    values.append(value);
            out["enum"] = values;
            out["format"] = "enum";
        }
    } else if (*type == "INTEGER" || *type == "NUMBER") {
        for (const char* key : {"minimum", "maximum"})
            if (schema.value(key).isDouble())
                out[key] = schema.value(key);
    }
    return out;
}

} // namespace builder::llm
