#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <QString>

#include <initializer_list>

namespace builder::views {

// Reads fields of an event's JSON payload (google.protobuf.Struct), trying the
// spellings the pipeline may use (e.g. "tokens_in" or "input_tokens").
class EventPayload
{
public:
    static QString text(const feature::feature::v1::FeatureEvent& event,
                        std::initializer_list<const char*> keys);
    static double number(const feature::feature::v1::FeatureEvent& event,
                         std::initializer_list<const char*> keys, double fallback = 0);
    static bool has(const feature::feature::v1::FeatureEvent& event, const char* key);
};

} // namespace builder::views
