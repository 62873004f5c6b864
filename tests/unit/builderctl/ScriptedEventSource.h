#pragma once

#include "builderctl/EventSource.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

// An EventSource playing a script instead of a server. Streams are separated
// by '|', items by spaces: "N" is event N (type step.completed), "N:type" event
// N of that type, "~" an idle timeout, "!CODE" the end with that status
// (e.g. !UNAVAILABLE); a stream without "!" ends OK.
class ScriptedEventSource final : public builder::ctl::EventSource
{
public:
    explicit ScriptedEventSource(const QString& script);

    std::unique_ptr<builder::ctl::EventStream> open(std::uint64_t afterSequence) override;

    // after_sequence of every open, in order.
    const std::vector<std::uint64_t>& opens() const { return m_opens; }
    // The idle limit of every read, in order.
    const std::vector<std::optional<std::chrono::milliseconds>>& idles() const { return m_idles; }

private:
    std::vector<QStringList> m_streams;
    std::vector<std::uint64_t> m_opens;
    std::vector<std::optional<std::chrono::milliseconds>> m_idles;
};
