#include "WebhookPayload.h"

#include <google/protobuf/util/time_util.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace builder::webhook {

namespace fv1 = feature::feature::v1;

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string payloadString(const fv1::FeatureEvent& event, const char* key)
{
    const auto& fields = event.payload().fields();
    const auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second.string_value();
}

std::string stateOf(const fv1::FeatureEvent& event, const fv1::FeatureExecution& execution)
{
    const auto& type = event.type();
    if (type == "feature.created")
        return fv1::FeatureState_Name(fv1::FEATURE_STATE_PENDING);
    if (type == "feature.completed")
        return fv1::FeatureState_Name(fv1::FEATURE_STATE_COMPLETED);
    if (type == "feature.failed")
        return fv1::FeatureState_Name(fv1::FEATURE_STATE_FAILED);
    if (type == "feature.state_changed") {
        auto to = payloadString(event, "to");
        if (!to.empty())
            return to;
    }
    return fv1::FeatureState_Name(execution.state());
}

} // namespace

std::string WebhookPayload::body(const fv1::FeatureEvent& event,
                                 const fv1::FeatureExecution& execution)
{
    QJsonObject data;
    data["feature_execution_id"] = text(execution.id());
    data["repository_id"] = text(execution.repository_id());
    data["state"] = text(stateOf(event, execution));
    data["title"] = text(execution.spec().title());
    if (!execution.correlation_id().empty())
        data["correlation_id"] = text(execution.correlation_id());
    if (event.type() == "feature.state_changed")
        data["previous_state"] = text(payloadString(event, "from"));
    if (event.type() == "feature.completed") {
        const auto& r = execution.result();
        QJsonObject result;
        result["branch_name"] = text(r.branch_name());
        result["commit_sha"] = text(r.commit_sha());
        result["commit_count"] = r.commit_count();
        result["files_changed"] = r.files_changed();
        result["lines_added"] = r.lines_added();
        result["lines_removed"] = r.lines_removed();
        data["result"] = result;
    }
    if (event.type() == "feature.failed") {
        QJsonObject error;
        error["code"] = text(fv1::ErrorCode_Name(execution.error().code()));
        error["message"] = text(execution.error().message());
        error["retryable"] = execution.error().retryable();
        data["error"] = error;
    }
    QJsonObject body;
    body["event"] = text(event.type());
    body["event_id"] = text(event.id());
    body["timestamp"] = text(google::protobuf::util::TimeUtil::ToString(event.timestamp()));
    body["data"] = data;
    return QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace builder::webhook
