#include "Journal.h"

#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/Timestamps.h"

namespace builder::pipeline {

std::optional<std::string> Journal::get(const std::string& key) const
{
    auto value = m_writer.db()->read(
        [&](store::Connection& c) -> common::Result<std::optional<std::string>> {
            return store::JournalStore::get(c, m_writer.executionId(), key);
        });
    return value.ok() ? value.value() : std::nullopt;
}

bool Journal::hasPrefix(const std::string& prefix) const
{
    auto found = m_writer.db()->read([&](store::Connection& c) -> common::Result<bool> {
        return !store::JournalStore::listPrefix(c, m_writer.executionId(), prefix).empty();
    });
    return found.ok() && found.value();
}

common::Status Journal::put(const std::string& key, const std::string& value)
{
    return m_writer.write([&](store::Connection& c) -> common::Status {
        put(c, key, value);
        return {};
    });
}

void Journal::put(store::Connection& c, const std::string& key, const std::string& value)
{
    store::JournalStore::put(c, m_writer.executionId(), key, value, store::Timestamps::nowMillis());
}

} // namespace builder::pipeline
