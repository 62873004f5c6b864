#include "FeatureClient.h"

#include "GrpcTestClient.h"

namespace builder::testing {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

FeatureClient::FeatureClient(const QString& address, QString token)
    : m_token(std::move(token)), m_channel(GrpcTestClient::channel(address)),
      m_features(fv1::FeatureService::NewStub(m_channel)),
      m_repos(rv1::RepositoryService::NewStub(m_channel)),
      m_admin(feature::admin::v1::AdminService::NewStub(m_channel))
{}

std::unique_ptr<grpc::ClientContext> FeatureClient::ctx(int timeoutMs) const
{
    return GrpcTestClient::context(m_token, timeoutMs);
}

grpc::Status FeatureClient::registerRepository(const std::string& name, const std::string& url,
                                               const std::map<std::string, std::string>& properties,
                                               std::string* id)
{
    rv1::RegisterRequest request;
    request.set_name(name);
    request.set_url(url);
    for (const auto& [key, value] : properties)
        (*request.mutable_properties()->mutable_values())[key] = value;
    rv1::RegisterResponse response;
    auto status = m_repos->Register(ctx().get(), request, &response);
    if (status.ok() && id)
        *id = response.repository().id();
    return status;
}

std::vector<fv1::FeatureState> FeatureClient::terminal()
{
    return {fv1::FEATURE_STATE_COMPLETED, fv1::FEATURE_STATE_FAILED, fv1::FEATURE_STATE_CANCELLED};
}

fv1::FeatureExecution FeatureClient::waitForState(const std::string& id,
                                                  const std::vector<fv1::FeatureState>& states,
                                                  int timeoutMs)
{
    fv1::FeatureExecution last;
    auto current = [&] {
        fv1::GetRequest request;
        request.set_id(id);
        fv1::GetResponse response;
        if (m_features->Get(ctx().get(), request, &response).ok())
            last = response.execution();
        for (auto s : states)
            if (last.state() == s)
                return true;
        return false;
    };
    if (current())
        return last;
    // Every state change is an event: wake on each, then look.
    auto context = ctx(timeoutMs);
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(id);
    request.add_event_types("feature.state_changed");
    auto reader = m_features->ListEvents(context.get(), request);
    fv1::ListEventsResponse message;
    while (reader->Read(&message))
        if (current())
            break;
    context->TryCancel();
    reader->Finish();
    current();
    return last;
}

std::vector<fv1::FeatureEvent> FeatureClient::events(const std::string& id)
{
    // The stream stays open for live events; a short deadline ends the replay.
    auto context = ctx(1500);
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(id);
    auto reader = m_features->ListEvents(context.get(), request);
    std::vector<fv1::FeatureEvent> out;
    fv1::ListEventsResponse message;
    while (reader->Read(&message))
        out.push_back(message.event());
    reader->Finish();
    return out;
}

bool FeatureClient::waitForEvent(const std::string& id, const std::string& type, int timeoutMs)
{
    auto context = ctx(timeoutMs);
    fv1::ListEventsRequest request;
    request.set_feature_execution_id(id);
    request.add_event_types(type);
    auto reader = m_features->ListEvents(context.get(), request);
    fv1::ListEventsResponse message;
    const bool seen = reader->Read(&message);
    context->TryCancel();
    reader->Finish();
    return seen;
}

} // namespace builder::testing
