#pragma once

#include "RunWriter.h"

#include <optional>
#include <string>

namespace builder::pipeline {

// Typed access to an execution's journal (store/JournalStore): reads through a
// reader connection, writes fenced through the RunWriter.
class Journal
{
public:
    explicit Journal(RunWriter& writer) : m_writer(writer) {}

    std::optional<std::string> get(const std::string& key) const;
    bool hasPrefix(const std::string& prefix) const;
    // Writes once; a key that is already there keeps its first value.
    common::Status put(const std::string& key, const std::string& value);
    // Inside a caller's write (so the entry commits with a transition or event).
    void put(store::Connection& c, const std::string& key, const std::string& value);

    RunWriter& writer() { return m_writer; }

private:
    RunWriter& m_writer;
};

} // namespace builder::pipeline
