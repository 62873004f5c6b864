#pragma once

#include "GrpcStatus.h"
#include "RpcStream.h"

#include <grpcpp/grpcpp.h>

#include <deque>
#include <memory>
#include <mutex>

namespace builder::api {

// A server-streaming gRPC call as an RpcStream: a queue in front of the
// callback API's one-write-at-a-time reactor. The reactor deletes itself in
// OnDone; the shared state it leaves behind turns later calls into no-ops.
template <typename Resp> class GrpcStream
{
public:
    // The high-water mark sits above EventFeed's replay batch so that the next
    // batch is read while the previous one is still being written.
    static constexpr std::size_t kHighWater = 2048;
    static constexpr std::size_t kLowWater = 1024;
    static constexpr std::size_t kHardLimit = 50000;

    class State;

    class Reactor : public grpc::ServerWriteReactor<Resp>
    {
    public:
        explicit Reactor(grpc::CallbackServerContext* ctx) : m_ctx(ctx) {}
        std::shared_ptr<State> state;
        grpc::CallbackServerContext* m_ctx;

        void OnWriteDone(bool ok) override { state->writeDone(ok); }
        void OnCancel() override { state->cancelled(); }
        void OnDone() override
        {
            state->done();
            delete this;
        }
    };

    class State : public RpcStream, public std::enable_shared_from_this<State>
    {
    public:
        explicit State(Reactor* reactor) : m_reactor(reactor) {}

        void send(const google::protobuf::Message& message) override
        {
            auto copy = std::make_unique<Resp>();
            copy->CopyFrom(message);
            enqueue(std::move(copy));
        }

        void sendTaking(google::protobuf::Message& message) override
        {
            if (message.GetDescriptor() != Resp::descriptor()) {
                send(message);
                return;
            }
            auto taken = std::make_unique<Resp>();
            taken->Swap(static_cast<Resp*>(&message));
            enqueue(std::move(taken));
        }

        void enqueue(std::unique_ptr<Resp> message)
        {
            std::unique_lock<std::recursive_mutex> lock(m_mutex);
            if (m_closed || m_finishing)
                return;
            if (m_queue.size() >= kHardLimit) {
                lock.unlock();
                finish(common::Error(common::StatusCode::ResourceExhausted,
                                     "client is reading too slowly; reconnect with the last "
                                     "sequence number seen"));
                return;
            }
            m_queue.push_back(std::move(message));
            if (m_queue.size() > kHighWater)
                m_congested = true;
            if (!m_writing)
                startWriteLocked();
        }

        void finish(const common::Status& status, Trailers trailers = {}) override
        {
            std::lock_guard<std::recursive_mutex> lock(m_mutex);
            if (m_closed || m_finishing)
                return;
            m_finishing = true;
            m_finalStatus = GrpcStatus::from(status);
            for (auto& [key, value] : trailers)
                if (!value.empty())
                    m_reactor->m_ctx->AddTrailingMetadata(key, value);
            if (!m_writing)
                finishLocked();
        }

        bool congested() const override
        {
            std::lock_guard<std::recursive_mutex> lock(m_mutex);
            return m_congested;
        }
        bool closed() const override
        {
            std::lock_guard<std::recursive_mutex> lock(m_mutex);
            return m_closed;
        }
        void setOnDrained(std::function<void()> callback) override
        {
            std::lock_guard<std::recursive_mutex> lock(m_mutex);
            m_onDrained = std::move(callback);
        }
        void setOnClosed(std::function<void()> callback) override
        {
            std::unique_lock<std::recursive_mutex> lock(m_mutex);
            if (m_closed) {
                lock.unlock();
                callback();
                return;
            }
            m_onClosed = std::move(callback);
        }

        void writeDone(bool ok)
        {
            std::function<void()> drained;
            {
                std::lock_guard<std::recursive_mutex> lock(m_mutex);
                m_writing = false;
                if (!m_queue.empty())
                    m_queue.pop_front();
                if (!ok) {
                    m_queue.clear();
                    if (!m_finishing) {
                        m_finishing = true;
                        m_finalStatus = grpc::Status::CANCELLED;
                    }
                }
                if (!m_queue.empty()) {
                    startWriteLocked();
                } else if (m_finishing) {
                    finishLocked();
                }
                if (m_congested && m_queue.size() < kLowWater) {
                    m_congested = false;
                    drained = m_onDrained;
                }
            }
            if (drained)
                drained();
        }

        void cancelled()
        {
            std::lock_guard<std::recursive_mutex> lock(m_mutex);
            m_queue.erase(m_queue.begin() + (m_writing ? 1 : 0), m_queue.end());
            if (!m_finishing) {
                m_finishing = true;
                m_finalStatus = grpc::Status::CANCELLED;
            }
            if (!m_writing)
                finishLocked();
        }

        void done()
        {
            std::function<void()> onClosed;
            {
                std::lock_guard<std::recursive_mutex> lock(m_mutex);
                m_closed = true;
                m_reactor = nullptr;
                m_queue.clear();
                onClosed = std::move(m_onClosed);
                m_onDrained = nullptr;
            }
            if (onClosed)
                onClosed();
        }

    private:
        void startWriteLocked()
        {
            m_writing = true;
            grpc::WriteOptions options;
            if (m_queue.size() > 1)
                options.set_buffer_hint();
            m_reactor->StartWrite(m_queue.front().get(), options);
        }
        void finishLocked()
        {
            if (m_finished || !m_reactor)
                return;
            m_finished = true;
            m_reactor->Finish(m_finalStatus);
        }

        mutable std::recursive_mutex m_mutex;
        Reactor* m_reactor;
        std::deque<std::unique_ptr<Resp>> m_queue;
        bool m_writing = false;
        bool m_finishing = false;
        bool m_finished = false;
        bool m_closed = false;
        bool m_congested = false;
        grpc::Status m_finalStatus;
        std::function<void()> m_onDrained;
        std::function<void()> m_onClosed;
    };

    // Creates the reactor and its state; the caller returns the reactor to gRPC.
    static std::pair<Reactor*, std::shared_ptr<State>> create(grpc::CallbackServerContext* ctx)
    {
        auto* reactor = new Reactor(ctx);
        auto state = std::make_shared<State>(reactor);
        reactor->state = state;
        return {reactor, state};
    }
};

} // namespace builder::api
