#pragma once

#include <optional>
#include <string>

namespace builder::store {

class Connection;

// Small named values a service keeps across restarts (cursors, anchors).
class ServiceStateStore
{
public:
    static std::optional<std::string> get(Connection& c, const std::string& key);
    static void put(Connection& c, const std::string& key, const std::string& value);
};

} // namespace builder::store
