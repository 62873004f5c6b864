#include "SchemaValidator.h"

#include "llm/JsonText.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace builder::llm {

using common::Violation;

namespace {

std::string typeOf(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "boolean";
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::floor(d) == d && std::isfinite(d) ? "integer" : "number";
    }
    case QJsonValue::String:
        return "string";
    case QJsonValue::Array:
        return "array";
    case QJsonValue::Object:
        return "object";
    default:
        return "undefined";
    }
}

bool hasType(const QJsonValue& value, const QString& type)
{
    const std::string actual = typeOf(value);
    if (type == "number")
        return actual == "number" || actual == "integer";
    return actual == type.toStdString();
}

std::string excerpt(const QJsonValue& value)
{
    std::string text = JsonText::compact(value);
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

std::string number(double value)
{
    return JsonText::compact(QJsonValue(value));
}

std::string plural(qint64 count, const char* noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

} // namespace

std::string SchemaValidator::childPath(const std::string& parent, const QString& key)
{
    static const QRegularExpression kIdentifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (kIdentifier.match(key).hasMatch())
        return parent + "." + key.toStdString();
    return parent + "[" + JsonText::compact(QJsonValue(key)) + "]";
}

std::vector<Violation> SchemaValidator::validate(const QJsonValue& value, std::size_t limit) const
{
    std::vector<Violation> out;
    check(value, m_schema, "$", out, limit);
    return out;
}

void SchemaValidator::check(const QJsonValue& value, const QJsonObject& schema,
                            const std::string& path, std::vector<Violation>& out,
                            std::size_t limit) const
{
    if (out.size() >= limit)
        return;
    const QJsonValue type = schema.value("type");
    if (type.isString() || type.isArray()) {
        const QJsonArray allowed = type.isString() ? QJsonArray{type} : type.toArray();
        bool matches = false;
        std::string names;
        for (const auto& entry : allowed) {
            matches |= hasType(value, entry.toString());
            names += (names.empty() ? "" : " or ") + entry.toString().toStdString();
        }
        if (!matches) {
            out.push_back({path, "type", "must be " + names + " (got " + typeOf(value) + ")"});
            return;
        }
    }
    if (schema.value("enum").isArray()) {
        const QJsonArray options = schema.value("enum").toArray();
        if (!options.contains(value)) {
            std::string list;
            for (qsizetype i = 0; i < options.size() && i < 12; ++i)
                list += (list.empty() ? "" : ", ") + excerpt(options.at(i));
            out.push_back(
                {path, "enum", "must be one of " + list + " (got " + excerpt(value) + ")"});
        }
    }
    if (schema.contains("const") && schema.value("const") != value)
        out.push_back(
            {path, "const",
             "must be " + excerpt(schema.value("const")) + " (got " + excerpt(value) + ")"});
    if (value.isObject())
        checkObject(value.toObject(), schema, path, out, limit);
    else if (value.isArray())
        checkArray(value.toArray(), schema, path, out, limit);
    else
        checkScalar(value, schema, path, out);
}

void SchemaValidator::checkObject(const QJsonObject& value, const QJsonObject& schema,
                                  const std::string& path, std::vector<Violation>& out,
                                  std::size_t limit) const
{
    for (const auto& name : schema.value("required").toArray())
        if (!value.contains(name.toString()))
            out.push_back(
                {childPath(path, name.toString()), "required",
                 "required property \"" + name.toString().toStdString() + "\" is missing"});
    const QJsonObject properties = schema.value("properties").toObject();
    const QJsonValue additional = schema.value("additionalProperties");
    for (auto it = value.begin(); it != value.end() && out.size() < limit; ++it) {
        const std::string child = childPath(path, it.key());
        if (properties.contains(it.key()))
            check(it.value(), properties.value(it.key()).toObject(), child, out, limit);
        else if (additional == QJsonValue(false))
            out.push_back({child, "additionalProperties",
                           "property \"" + it.key().toStdString() + "\" is not allowed"});
        else if (additional.isObject())
            check(it.value(), additional.toObject(), child, out, limit);
    }
}

void SchemaValidator::checkArray(const QJsonArray& value, const QJsonObject& schema,
                                 const std::string& path, std::vector<Violation>& out,
                                 std::size_t limit) const
{
    const qint64 size = value.size();
    if (schema.value("minItems").isDouble() && size < schema.value("minItems").toInteger())
        out.push_back({path, "minItems",
                       "must have at least " +
                           plural(schema.value("minItems").toInteger(), "item") + " (got " +
                           std::to_string(size) + ")"});
    if (schema.value("maxItems").isDouble() && size > schema.value("maxItems").toInteger())
        out.push_back({path, "maxItems",
                       "must have at most " + plural(schema.value("maxItems").toInteger(), "item") +
                           " (got " + std::to_string(size) + ")"});
    if (!schema.value("items").isObject())
        return;
    const QJsonObject items = schema.value("items").toObject();
    for (qsizetype i = 0; i < value.size() && out.size() < limit; ++i)
        check(value.at(i), items, path + "[" + std::to_string(i) + "]", out, limit);
}

void SchemaValidator::checkScalar(const QJsonValue& value, const QJsonObject& schema,
                                  const std::string& path, std::vector<Violation>& out) const
{
    if (value.isString()) {
        const qint64 length = value.toString().toUcs4().size();
        if (schema.value("minLength").isDouble() && length < schema.value("minLength").toInteger())
            out.push_back({path, "minLength",
                           "must be at least " +
                               plural(schema.value("minLength").toInteger(), "character") +
                               " long (got " + std::to_string(length) + ")"});
        if (schema.value("maxLength").isDouble() && length > schema.value("maxLength").toInteger())
            out.push_back({path, "maxLength",
                           "must be at most " +
                               plural(schema.value("maxLength").toInteger(), "character") +
                               " long (got " + std::to_string(length) + ")"});
    } else if (value.isDouble()) {
        const double d = value.toDouble();
        auto bound = [&](const char* keyword, const char* relation) {
            out.push_back({path, keyword,
                           std::string("must be ") + relation + " " +
                               number(schema.value(keyword).toDouble()) + " (got " + number(d) +
                               ")"});
        };
        if (schema.value("minimum").isDouble() && d < schema.value("minimum").toDouble())
            bound("minimum", "at least");
        if (schema.value("maximum").isDouble() && d > schema.value("maximum").toDouble())
            bound("maximum", "at most");
        if (schema.value("exclusiveMinimum").isDouble() &&
            d <= schema.value("exclusiveMinimum").toDouble())
            bound("exclusiveMinimum", "greater than");
        if (schema.value("exclusiveMaximum").isDouble() &&
            d >= schema.value("exclusiveMaximum").toDouble())
            bound("exclusiveMaximum", "less than");
    }
}

} // namespace builder::llm
