#include "EventRecorder.h"

#include "EventBus.h"
#include "store/Database.h"
#include "store/EventStore.h"
#include "store/Timestamps.h"

namespace builder::core {

feature::feature::v1::FeatureEvent
EventRecorder::record(store::Connection& c, const std::string& executionId, const std::string& type,
                      const std::string& summary, const google::protobuf::Struct& payload)
{
    auto event = store::EventStore::append(c, executionId, type, summary, payload,
                                           store::Timestamps::nowMillis());
    m_db->afterCommit([bus = &m_bus, executionId, event] { bus->publish(executionId, event); });
    return event;
}

google::protobuf::Struct
EventRecorder::payload(std::initializer_list<std::pair<const char*, std::string>> fields)
{
    google::protobuf::Struct s;
    for (const auto& [key, value] : fields)
        (*s.mutable_fields())[key].set_string_value(value);
    return s;
}

} // namespace builder::core
