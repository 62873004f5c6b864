#pragma once

#include "llm/Provider.h"

#include <QJsonValue>

#include <functional>
#include <string>
#include <vector>

namespace builder::llm {

// A structured answer: the validated JSON, and every completion paid for to get it.
struct StructuredResult
{
    QJsonValue value;
    std::string json; // compact text of `value`
    std::vector<CompletionResponse> responses;
};

// Asks a Provider for JSON matching the request's jsonSchema: extracts the first JSON value of
// the reply, validates it, and on failure asks exactly once more, quoting the validation error.
// A second failure is InvalidArgument naming the stage, the JSON path and the broken rule.
class StructuredCaller
{
public:
    // Sees each completion as soon as it arrives, before it is validated or used, failed ones
    // included: the pipeline journals and bills from here.
    using Observer = std::function<void(const CompletionRequest&, const CompletionResponse&)>;

    explicit StructuredCaller(Provider& provider, Observer observer = {});

    // Provider errors are returned as they are. An empty jsonSchema only extracts the JSON.
    common::Result<StructuredResult> call(const CompletionRequest& request,
                                          const common::CancelToken& cancel) const;

    // What is wrong with `reply` for `schema` (empty when it is fine); a reply without JSON
    // gives one violation at "$" with constraintId "json".
    static std::vector<common::Violation> check(const std::string& reply, const QJsonObject* schema,
                                                QJsonValue* parsed = nullptr);
    // The user message of the corrective retry.
    static std::string correction(const std::vector<common::Violation>& violations);

private:
    Provider& m_provider;
    Observer m_observer;
};

} // namespace builder::llm
