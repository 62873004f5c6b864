#include "ErrorDetails.h"

#include "buf/validate/violations.pb.h"
#include "google/rpc/status.pb.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

namespace builder::api {

namespace {
buf::validate::Violations toViolations(const common::Error& error)
{
    buf::validate::Violations out;
    for (const auto& v : error.violations()) {
        auto* item = out.add_violations();
        item->set_field_path(v.fieldPath);
        item->set_constraint_id(v.constraintId);
        item->set_message(v.message);
    }
    return out;
}
} // namespace

std::string ErrorDetails::statusDetailsBinary(const common::Error& error)
{
    google::rpc::Status status;
    status.set_code(static_cast<int>(error.code()));
    status.set_message(error.message());
    if (!error.violations().empty())
        status.add_details()->PackFrom(toViolations(error));
    return status.SerializeAsString();
}

std::string ErrorDetails::connectJson(const common::Error& error)
{
    // Built as a Struct so the JSON is escaped correctly by protobuf.
    google::protobuf::Struct body;
    auto& fields = *body.mutable_fields();
    fields["code"].set_string_value(common::connectCodeName(error.code()));
    fields["message"].set_string_value(error.message());
    if (!error.violations().empty()) {
        auto* detail = fields["details"].mutable_list_value()->add_values()->mutable_struct_value();
        auto& d = *detail->mutable_fields();
        d["@type"].set_string_value("type.googleapis.com/buf.validate.Violations");
        auto* list = d["violations"].mutable_list_value();
        for (const auto& v : error.violations()) {
            auto& item = *list->add_values()->mutable_struct_value()->mutable_fields();
            item["field_path"].set_string_value(v.fieldPath);
            item["constraint_id"].set_string_value(v.constraintId);
            item["message"].set_string_value(v.message);
        }
    }
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(body, &json);
    return json;
}

} // namespace builder::api
