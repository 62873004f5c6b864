#include "ConnectStream.h"

#include "ErrorDetails.h"
#include "JsonCodec.h"

namespace builder::api {

ConnectStream::ConnectStream(http::ResponderPtr responder) : m_responder(std::move(responder)) {}

ConnectStream::~ConnectStream() = default;

QByteArray ConnectStream::envelope(char flags, const std::string& json)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(json.size() + 5));
    const auto n = static_cast<quint32>(json.size());
    out.append(flags);
    out.append(static_cast<char>((n >> 24) & 0xff));
    out.append(static_cast<char>((n >> 16) & 0xff));
    out.append(static_cast<char>((n >> 8) & 0xff));
    out.append(static_cast<char>(n & 0xff));
    out.append(json.data(), static_cast<qsizetype>(json.size()));
    return out;
}

void ConnectStream::send(const google::protobuf::Message& message)
{
    if (m_finished)
        return;
    m_responder->writeChunk(envelope(0, JsonCodec::toJson(message)));
}

void ConnectStream::finish(const common::Status& status, Trailers trailers)
{
    if (m_finished.exchange(true))
        return;
    std::string json = "{";
    if (!status.ok())
        json += "\"error\":" + ErrorDetails::connectJson(status.error());
    std::string metadata;
    for (const auto& [key, value] : trailers) {
        if (value.empty())
            continue;
        if (!metadata.empty())
            metadata += ",";
        // Keys and values here are ours (page tokens are base64url, counts digits).
        metadata += "\"" + key + "\":[\"" + value + "\"]";
    }
    if (!metadata.empty())
        json += std::string(status.ok() ? "" : ",") + "\"metadata\":{" + metadata + "}";
    json += "}";
    m_responder->writeChunk(envelope(0x02, json));
    m_responder->endStream();
}

bool ConnectStream::congested() const
{
    return m_responder->pendingBytes() > kHighWaterBytes;
}

bool ConnectStream::closed() const
{
    return m_finished || m_responder->isClosed();
}

void ConnectStream::setOnDrained(std::function<void()> callback)
{
    m_responder->setOnDrained(std::move(callback));
}

void ConnectStream::setOnClosed(std::function<void()> callback)
{
    m_responder->setOnClosed(std::move(callback));
}

} // namespace builder::api
