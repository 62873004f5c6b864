#pragma once

#include "Reply.h"
#include "feature/admin/v1/admin.pb.h"

#include <QObject>

namespace builder::client {

class BackendInternals;

// AdminService (admin role only): kill switch, audit log, dead letters, tokens.
class AdminApi
{
public:
    explicit AdminApi(BackendInternals& internals) : m_internals(internals) {}

    void getKillSwitch(QObject* guard, Reply<feature::admin::v1::GetKillSwitchResponse> done);
    void setKillSwitch(const feature::admin::v1::SetKillSwitchRequest& request, QObject* guard,
                       Reply<feature::admin::v1::KillSwitchState> done);
    void listAudit(const feature::admin::v1::ListAuditRequest& request, QObject* guard,
                   Reply<feature::admin::v1::ListAuditResponse> done);
    void listDeadLetters(const feature::admin::v1::ListDeadLettersRequest& request, QObject* guard,
                         Reply<feature::admin::v1::ListDeadLettersResponse> done);
    void requeueDeadLetter(const std::string& id, QObject* guard, Reply<std::string> done);
    void createToken(const feature::admin::v1::CreateTokenRequest& request, QObject* guard,
                     Reply<feature::admin::v1::CreateTokenResponse> done);
    void listTokens(bool includeRevoked, QObject* guard,
                    Reply<std::vector<feature::admin::v1::TokenInfo>> done);
    void revokeToken(const std::string& id, QObject* guard,
                     Reply<feature::admin::v1::TokenInfo> done);

private:
    BackendInternals& m_internals;
};

} // namespace builder::client
