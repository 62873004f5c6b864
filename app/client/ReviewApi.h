#pragma once

#include "Reply.h"
#include "feature/review/v1/review.pb.h"

#include <QObject>

namespace builder::client {

class BackendInternals;

// ReviewService: the execution's diff with findings, and the human decision.
class ReviewApi
{
public:
    explicit ReviewApi(BackendInternals& internals) : m_internals(internals) {}

    using Execution = feature::feature::v1::FeatureExecution;
    void getDiff(const std::string& executionId, QObject* guard,
                 Reply<feature::review::v1::GetDiffResponse> done);
    void approve(const feature::review::v1::ApproveRequest& request, QObject* guard,
                 Reply<Execution> done);
    void requestChanges(const feature::review::v1::RequestChangesRequest& request, QObject* guard,
                        Reply<Execution> done);
    void reject(const feature::review::v1::RejectRequest& request, QObject* guard,
                Reply<Execution> done);

private:
    BackendInternals& m_internals;
};

} // namespace builder::client
