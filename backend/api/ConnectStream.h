#pragma once

#include "RpcStream.h"
#include "http/HttpResponder.h"

#include <atomic>
#include <mutex>

namespace builder::api {

// A Connect server-streaming response: each message an envelope (flags byte,
// 4-byte big-endian length, JSON), then the end-of-stream envelope (flag 0x02)
// carrying the error, if any, and the trailers.
class ConnectStream : public RpcStream
{
public:
    static constexpr qint64 kHighWaterBytes = 1024 * 1024;

    explicit ConnectStream(http::ResponderPtr responder);
    ~ConnectStream() override;

    void send(const google::protobuf::Message& message) override;
    void finish(const common::Status& status, Trailers trailers = {}) override;
    bool congested() const override;
    bool closed() const override;
    void setOnDrained(std::function<void()> callback) override;
    void setOnClosed(std::function<void()> callback) override;

    static QByteArray envelope(char flags, const std::string& json);

private:
    http::ResponderPtr m_responder;
    std::atomic<bool> m_finished{false};
};

} // namespace builder::api
