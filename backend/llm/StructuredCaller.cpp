#include "StructuredCaller.h"

#include "llm/JsonExtractor.h"
#include "llm/JsonText.h"
#include "llm/SchemaValidator.h"

namespace builder::llm {

using common::Error;
using common::StatusCode;
using common::Violation;

namespace {

constexpr std::size_t kQuotedViolations = 5;

std::string describe(const std::vector<Violation>& violations, std::size_t count)
{
    std::string out;
    for (std::size_t i = 0; i < violations.size() && i < count; ++i)
        out += (out.empty() ? "" : "; ") + violations[i].fieldPath + ": " +
               violations[i].constraintId + ": " + violations[i].message;
    if (violations.size() > count)
        out += "; and " + std::to_string(violations.size() - count) + " more";
    return out;
}

} // namespace

StructuredCaller::StructuredCaller(Provider& provider, Observer observer)
    : m_provider(provider), m_observer(std::move(observer))
{}

std::vector<Violation> StructuredCaller::check(const std::string& reply, const QJsonObject* schema,
                                               QJsonValue* parsed)
{
    auto extracted = JsonExtractor::extract(reply);
    if (!extracted.ok())
        return {{"$", "json", extracted.error().message()}};
    if (parsed)
        *parsed = *extracted;
    if (!schema)
        return {};
    return SchemaValidator(*schema).validate(*extracted);
}

std::string StructuredCaller::correction(const std::vector<Violation>& violations)
{
    std::string out = "Your previous reply does not match the required JSON Schema:\n";
    for (std::size_t i = 0; i < violations.size() && i < kQuotedViolations; ++i)
        out += "- " + violations[i].fieldPath + ": " + violations[i].constraintId + ": " +
               violations[i].message + "\n";
    if (violations.size() > kQuotedViolations)
        out += "- and " + std::to_string(violations.size() - kQuotedViolations) + " more\n";
    out += "Reply again with only the complete, corrected JSON value: no prose, no code fences.";
    return out;
}

common::Result<StructuredResult> StructuredCaller::call(const CompletionRequest& request,
                                                        const common::CancelToken& cancel) const
{
    std::optional<QJsonObject> schema;
    if (!request.jsonSchema.empty()) {
        auto parsed = JsonText::schemaObject(request.stage, request.jsonSchema);
        if (!parsed.ok())
            return parsed.error();
        schema = *parsed;
    }

    StructuredResult result;
    CompletionRequest current = request;
    std::vector<Violation> violations;
    for (int round = 0; round < 2; ++round) {
        auto response = m_provider.complete(current, cancel);
        if (!response.ok())
            return response.error();
        if (m_observer)
            m_observer(current, *response);
        result.responses.push_back(*response);

        QJsonValue value;
        violations = check(response->text, schema ? &*schema : nullptr, &value);
        if (violations.empty()) {
            result.value = value;
            result.json = JsonText::compact(value);
            return result;
        }
        // The corrective retry: the bad answer as the model's turn, then what was wrong with it.
        current.messages.push_back(
            {Role::Assistant, response->text.empty() ? "(empty reply)" : response->text});
        current.messages.push_back({Role::User, correction(violations)});
    }

    const CompletionResponse& last = result.responses.back();
    std::string message = "stage " + request.stage +
                          ": the model's output failed validation after one corrective retry: " +
                          describe(violations, 3);
    if (last.truncated)
        message += " (the answer was cut off at maxOutputTokens = " +
                   std::to_string(request.maxOutputTokens) + ")";
    return Error(StatusCode::InvalidArgument, message, violations);
}

} // namespace builder::llm
