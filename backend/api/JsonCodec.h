#pragma once

#include "common/Result.h"

#include <google/protobuf/message.h>

#include <string>

namespace builder::api {

// Proto3 JSON as the contract shows it: snake_case field names, enum names.
class JsonCodec
{
public:
    static std::string toJson(const google::protobuf::Message& message);
    // Unknown fields and unknown enum names are errors naming the message type.
    static common::Status fromJson(const std::string& json, google::protobuf::Message* message);
};

} // namespace builder::api
