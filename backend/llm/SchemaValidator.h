#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QJsonValue>

#include <string>
#include <vector>

namespace builder::llm {

// Validates a JSON value against the JSON Schema subset Builder's stage schemas use: type
// (object, array, string, integer, number, boolean, null, or a list of them), properties,
// required, additionalProperties (false or a schema), items, enum, const, minItems, maxItems,
// minLength, maxLength (in code points), minimum, maximum, exclusiveMinimum, exclusiveMaximum.
// Other keywords (description, title, $schema, ...) are ignored.
class SchemaValidator
{
public:
    explicit SchemaValidator(QJsonObject schema) : m_schema(std::move(schema)) {}

    // Every broken rule, up to `limit`: fieldPath is a JSON path ("$.steps[0].kind"),
    // constraintId the keyword ("enum"), message a sentence naming the expected and actual value.
    std::vector<common::Violation> validate(const QJsonValue& value, std::size_t limit = 20) const;

    static std::string childPath(const std::string& parent, const QString& key);

private:
    void check(const QJsonValue& value, const QJsonObject& schema, const std::string& path,
               std::vector<common::Violation>& out, std::size_t limit) const;
    void checkObject(const QJsonObject& value, const QJsonObject& schema, const std::string& path,
                     std::vector<common::Violation>& out, std::size_t limit) const;
    void checkArray(const QJsonArray& value, const QJsonObject& schema, const std::string& path,
                    std::vector<common::Violation>& out, std::size_t limit) const;
    void checkScalar(const QJsonValue& value, const QJsonObject& schema, const std::string& path,
                     std::vector<common::Violation>& out) const;

    QJsonObject m_schema;
};

} // namespace builder::llm
