#include "Error.h"

#include <array>

namespace builder::common {

namespace {
constexpr std::array<const char*, 17> kConnectNames = {
    "ok",        "cancelled",      "unknown",           "invalid_argument",   "deadline_exceeded",
    "not_found", "already_exists", "permission_denied", "resource_exhausted", "failed_precondition",
    "aborted",   "out_of_range",   "unimplemented",     "internal",           "unavailable",
    "data_loss", "unauthenticated"};
} // namespace

Error Error::invalid(std::vector<Violation> violations)
{
    std::string message;
    for (const auto& v : violations) {
        if (!message.empty())
            message += "; ";
        message += v.fieldPath + ": " + v.message;
    }
    if (message.empty())
        message = "invalid request";
    return {StatusCode::InvalidArgument, std::move(message), std::move(violations)};
}

Error Error::invalid(std::string fieldPath, std::string constraintId, std::string message)
{
    return invalid({Violation{std::move(fieldPath), std::move(constraintId), std::move(message)}});
}

const char* connectCodeName(StatusCode code)
{
    const auto i = static_cast<std::size_t>(code);
    return i < kConnectNames.size() ? kConnectNames[i] : "unknown";
}

bool parseConnectCodeName(const std::string& name, StatusCode& code)
{
    if (name == "canceled") { // the Connect protocol's spelling
        code = StatusCode::Cancelled;
        return true;
    }
    for (std::size_t i = 0; i < kConnectNames.size(); ++i) {
        if (name == kConnectNames[i]) {
            code = static_cast<StatusCode>(i);
            return true;
        }
    }
    return false;
}

int httpStatusFor(StatusCode code)
{
    switch (code) {
    case StatusCode::Ok:
        return 200;
    case StatusCode::Cancelled:
        return 499;
    case StatusCode::InvalidArgument:
    case StatusCode::FailedPrecondition:
    case StatusCode::OutOfRange:
        return 400;
    case StatusCode::DeadlineExceeded:
        return 504;
    case StatusCode::NotFound:
        return 404;
    case StatusCode::AlreadyExists:
    case StatusCode::Aborted:
        return 409;
    case StatusCode::PermissionDenied:
        return 403;
    case StatusCode::ResourceExhausted:
        return 429;
    case StatusCode::Unimplemented:
        return 501;
    case StatusCode::Unavailable:
        return 503;
    case StatusCode::Unauthenticated:
        return 401;
    case StatusCode::Unknown:
    case StatusCode::Internal:
    case StatusCode::DataLoss:
        return 500;
    }
    return 500;
}

} // namespace builder::common
