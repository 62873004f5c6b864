#include "ScriptedEventSource.h"

#include <QStringList>

namespace {

using builder::ctl::EventStream;

grpc::StatusCode codeNamed(const QString& name)
{
    static const QStringList kNames = {"OK",
                                       "CANCELLED",
                                       "UNKNOWN",
                                       "INVALID_ARGUMENT",
                                       "DEADLINE_EXCEEDED",
                                       "NOT_FOUND",
                                       "ALREADY_EXISTS",
                                       "PERMISSION_DENIED",
                                       "RESOURCE_EXHAUSTED",
                                       "FAILED_PRECONDITION",
                                       "ABORTED",
                                       "OUT_OF_RANGE",
                                       "UNIMPLEMENTED",
                                       "INTERNAL",
                                       "UNAVAILABLE",
                                       "DATA_LOSS",
                                       "UNAUTHENTICATED"};
    return static_cast<grpc::StatusCode>(std::max<qsizetype>(0, kNames.indexOf(name)));
}

class ScriptedStream final : public EventStream
{
public:
    ScriptedStream(QStringList items, std::vector<std::optional<std::chrono::milliseconds>>& idles)
        : m_items(std::move(items)), m_idles(idles)
    {}

    ReadResult read(feature::feature::v1::FeatureEvent& event,
                    std::optional<std::chrono::milliseconds> idle) override
    {
        m_idles.push_back(idle);
        if (m_items.isEmpty())
            return ReadResult::Ended;
        const QString item = m_items.takeFirst();
        if (item == "~")
            return ReadResult::IdleTimeout;
        if (item.startsWith('!')) {
            m_status =
                grpc::Status(codeNamed(item.mid(1)), "scripted " + item.mid(1).toStdString());
            m_items.clear();
            return ReadResult::Ended;
        }
        event.Clear();
        event.set_sequence_number(item.section(':', 0, 0).toULongLong());
        const QString type = item.section(':', 1);
        event.set_type(type.isEmpty() ? "step.completed" : type.toStdString());
        event.set_summary("event " + item.toStdString());
        return ReadResult::Event;
    }

    grpc::Status status() const override { return m_status; }

private:
    QStringList m_items;
    std::vector<std::optional<std::chrono::milliseconds>>& m_idles;
    grpc::Status m_status;
};

} // namespace

ScriptedEventSource::ScriptedEventSource(const QString& script)
{
    for (const auto& stream : script.split('|'))
        m_streams.push_back(stream.split(' ', Qt::SkipEmptyParts));
}

std::unique_ptr<EventStream> ScriptedEventSource::open(std::uint64_t afterSequence)
{
    m_opens.push_back(afterSequence);
    const std::size_t index = m_opens.size() - 1;
    // Past the script, the server stays down.
    QStringList items = index < m_streams.size() ? m_streams[index] : QStringList{"!UNAVAILABLE"};
    return std::make_unique<ScriptedStream>(std::move(items), m_idles);
}
