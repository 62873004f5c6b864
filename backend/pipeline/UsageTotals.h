#pragma once

#include <google/protobuf/struct.pb.h>

#include <string>

namespace builder::store {
class Connection;
}

namespace builder::pipeline {

// An execution's LLM usage so far (calls, tokens, cost), added to the payload
// of its final event so that every client sees the bill without summing.
class UsageTotals
{
public:
    static void addTo(store::Connection& c, const std::string& executionId,
                      google::protobuf::Struct& payload);
};

} // namespace builder::pipeline
