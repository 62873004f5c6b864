#include "GrpcErrors.h"

#include "buf/validate/violations.pb.h"
#include "google/rpc/status.pb.h"

namespace builder::client {

common::Error GrpcErrors::fromStatus(const grpc::Status& status)
{
    std::vector<common::Violation> violations;
    google::rpc::Status details;
    if (!status.error_details().empty() && details.ParseFromString(status.error_details())) {
        for (const auto& detail : details.details()) {
            buf::validate::Violations list;
            if (detail.type_url() != kViolationsType || !detail.UnpackTo(&list))
                continue;
            for (const auto& v : list.violations())
                violations.push_back({v.field_path(), v.constraint_id(), v.message()});
        }
    }
    return {static_cast<common::StatusCode>(status.error_code()), status.error_message(),
            std::move(violations)};
}

bool GrpcErrors::isTransient(common::StatusCode code)
{
    using common::StatusCode;
    switch (code) {
    case StatusCode::Unavailable:
    case StatusCode::ResourceExhausted:
    case StatusCode::DeadlineExceeded:
    case StatusCode::Aborted:
    case StatusCode::Internal:
    case StatusCode::Unknown:
    case StatusCode::Cancelled:
    case StatusCode::Ok: // a stream the server ended cleanly (drain): resume it
        return true;
    default:
        return false;
    }
}

} // namespace builder::client
