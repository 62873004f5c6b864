#include "ServiceStateStore.h"

#include "Connection.h"

namespace builder::store {

std::optional<std::string> ServiceStateStore::get(Connection& c, const std::string& key)
{
    auto s = c.prepare("SELECT value FROM service_state WHERE key = ?");
    s.bind(1, key);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

void ServiceStateStore::put(Connection& c, const std::string& key, const std::string& value)
{
    auto s = c.prepare("INSERT INTO service_state (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value);
    s.run();
}

} // namespace builder::store
