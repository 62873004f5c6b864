#include "JsonCodec.h"

#include <google/protobuf/util/json_util.h>

namespace builder::api {

std::string JsonCodec::toJson(const google::protobuf::Message& message)
{
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    std::string out;
    (void)google::protobuf::util::MessageToJsonString(message, &out, options);
    return out;
}

common::Status JsonCodec::fromJson(const std::string& json, google::protobuf::Message* message)
{
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto status = google::protobuf::util::JsonStringToMessage(
        json.empty() ? std::string("{}") : json, message, options);
    if (status.ok())
        return {};
    return common::Error(common::StatusCode::InvalidArgument,
                         "request body is not valid JSON for " + message->GetTypeName() + ": " +
                             std::string(status.message()));
}

} // namespace builder::api
