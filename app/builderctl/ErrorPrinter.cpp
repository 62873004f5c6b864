#include "ErrorPrinter.h"

#include "TextWidth.h"
#include "buf/validate/violations.pb.h"
#include "google/rpc/status.pb.h"

namespace builder::ctl {

std::string ErrorPrinter::codeName(int code)
{
    if (code < 0 || code > static_cast<int>(common::StatusCode::Unauthenticated))
        return "code " + std::to_string(code);
    return common::connectCodeName(static_cast<common::StatusCode>(code));
}

std::vector<common::Violation> ErrorPrinter::violations(const std::string& serializedDetails)
{
    std::vector<common::Violation> out;
    google::rpc::Status status;
    if (serializedDetails.empty() || !status.ParseFromString(serializedDetails))
        return out;
    for (const auto& detail : status.details()) {
        buf::validate::Violations violations;
        if (detail.type_url() != kViolationsType || !detail.UnpackTo(&violations))
            continue;
        for (const auto& v : violations.violations())
            out.push_back({v.field_path(), v.constraint_id(), v.message()});
    }
    return out;
}

std::string ErrorPrinter::format(int code, const std::string& message,
                                 const std::string& serializedDetails)
{
    std::string out = "error: " + codeName(code);
    if (!message.empty())
        out += ": " + TextWidth::sanitize(message);
    out += "\n";
    for (const auto& v : violations(serializedDetails)) {
        out += "  " + TextWidth::sanitize(v.fieldPath.empty() ? "(request)" : v.fieldPath) + ": " +
               TextWidth::sanitize(v.message);
        if (!v.constraintId.empty())
            out += " [" + TextWidth::sanitize(v.constraintId) + "]";
        out += "\n";
    }
    return out;
}

std::string ErrorPrinter::format(const grpc::Status& status)
{
    return format(static_cast<int>(status.error_code()), status.error_message(),
                  status.error_details());
}

} // namespace builder::ctl
