#include "AdminApi.h"

#include "CallSupport.h"
#include "feature/admin/v1/admin.grpc.pb.h"

namespace builder::client {

namespace av1 = feature::admin::v1;

namespace {

std::shared_ptr<av1::AdminService::Stub> serviceFor(BackendInternals& internals)
{
    return av1::AdminService::NewStub(internals.channel());
}

} // namespace

void AdminApi::getKillSwitch(QObject* guard, Reply<av1::GetKillSwitchResponse> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<av1::GetKillSwitchResponse>(
        m_internals, guard,
        [s](grpc::ClientContext& context, av1::GetKillSwitchResponse& out) {
            return s->GetKillSwitch(&context, av1::GetKillSwitchRequest(), &out);
        },
        std::move(done));
}

void AdminApi::setKillSwitch(const av1::SetKillSwitchRequest& request, QObject* guard,
                             Reply<av1::KillSwitchState> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<av1::KillSwitchState>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, av1::KillSwitchState& out) {
            av1::SetKillSwitchResponse response;
            auto status = s->SetKillSwitch(&context, request, &response);
            out = response.state();
            return status;
        },
        std::move(done));
}

void AdminApi::listAudit(const av1::ListAuditRequest& request, QObject* guard,
                         Reply<av1::ListAuditResponse> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<av1::ListAuditResponse>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, av1::ListAuditResponse& out) {
            return s->ListAudit(&context, request, &out);
        },
        std::move(done));
}

void AdminApi::listDeadLetters(const av1::ListDeadLettersRequest& request, QObject* guard,
                               Reply<av1::ListDeadLettersResponse> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<av1::ListDeadLettersResponse>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, av1::ListDeadLettersResponse& out) {
            return s->ListDeadLetters(&context, request, &out);
        },
        std::move(done));
}

void AdminApi::requeueDeadLetter(const std::string& id, QObject* guard, Reply<std::string> done)
{
    auto s = serviceFor(m_internals);
    av1::RequeueDeadLetterRequest request;
    request.set_id(id);
    CallSupport::unary<std::string>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, std::string& out) {
            av1::RequeueDeadLetterResponse response;
            auto status = s->RequeueDeadLetter(&context, request, &response);
            out = response.job_id();
            return status;
        },
        std::move(done));
}

void AdminApi::createToken(const av1::CreateTokenRequest& request, QObject* guard,
                           Reply<av1::CreateTokenResponse> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<av1::CreateTokenResponse>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, av1::CreateTokenResponse& out) {
            return s->CreateToken(&context, request, &out);
        },
        std::move(done));
}

void AdminApi::listTokens(bool includeRevoked, QObject* guard,
                          Reply<std::vector<av1::TokenInfo>> done)
{
    auto s = serviceFor(m_internals);
    av1::ListTokensRequest request;
    request.set_include_revoked(includeRevoked);
    CallSupport::unary<std::vector<av1::TokenInfo>>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, std::vector<av1::TokenInfo>& out) {
            av1::ListTokensResponse response;
            auto status = s->ListTokens(&context, request, &response);
            out.assign(response.tokens().begin(), response.tokens().end());
            return status;
        },
        std::move(done));
}

void AdminApi::revokeToken(const std::string& id, QObject* guard, Reply<av1::TokenInfo> done)
{
    auto s = serviceFor(m_internals);
    av1::RevokeTokenRequest request;
    request.set_id(id);
    CallSupport::unary<av1::TokenInfo>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, av1::TokenInfo& out) {
            av1::RevokeTokenResponse response;
            auto status = s->RevokeToken(&context, request, &response);
            out = response.info();
            return status;
        },
        std::move(done));
}

} // namespace builder::client
