#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <google/protobuf/struct.pb.h>

#include <memory>
#include <string>

namespace builder::store {
class Connection;
class Database;
} // namespace builder::store

namespace builder::core {

class EventBus;

// Appends an event inside the current write transaction and publishes it to
// live listeners once that transaction commits (never before, never on rollback).
class EventRecorder
{
public:
    EventRecorder(std::shared_ptr<store::Database> db, EventBus& bus)
        : m_db(std::move(db)), m_bus(bus)
    {}

    feature::feature::v1::FeatureEvent record(store::Connection& c, const std::string& executionId,
                                              const std::string& type, const std::string& summary,
                                              const google::protobuf::Struct& payload = {});

    // Builds a Struct from string pairs, the common case for payloads.
    static google::protobuf::Struct
    payload(std::initializer_list<std::pair<const char*, std::string>> fields);

private:
    std::shared_ptr<store::Database> m_db;
    EventBus& m_bus;
};

} // namespace builder::core
