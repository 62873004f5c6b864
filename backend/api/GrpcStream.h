#pragma once

#include "GrpcStatus.h"
#include "RpcStream.h"

#include <grpcpp/grpcpp.h>

#include <deque>
#include <memory>
#include <mutex>
#include <type_traits>

namespace builder::api {

// A server-streaming gRPC call as an RpcStream: a queue in front of the
// callback API's one-write-at-a-time reactor. With Resp = grpc::ByteBuffer (a
// method registered raw) the queue holds serialized messages, so bytes encoded
// before (stored events) go out without being decoded and encoded again. The
// reactor deletes itself in OnDone; the shared state it leaves behind turns
// later calls into no-ops.
template <typename Resp> class GrpcStream
{
public:
    // The high-water mark sits above EventFeed's replay batch so that the next
    // batch is read while the previous one is still being written.
    static constexpr std::size_t kHighWater = 2048;
    static constexpr std::size_t kLowWater = 1024;
    static constexpr std::size_t kHardLimit = 50000;
    static constexpr bool kRaw = std::is_same_v<Resp, grpc::ByteBuffer>;

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
        // One queued message: the message itself, or its bytes.
        using Item = std::conditional_t<kRaw, grpc::Slice, std::unique_ptr<Resp>>;

        explicit State(Reactor* reactor) : m_reactor(reactor) {}

        void send(const google::protobuf::Message& message) override
        {
            if constexpr (kRaw) {
                enqueue(bytesOf(message.SerializeAsString()));
            } else {
                auto copy = std::make_unique<Resp>();
                copy->CopyFrom(message);
                enqueue(std::move(copy));
            }
        }

        void sendTaking(google::protobuf::Message& message) override
        {
            if constexpr (kRaw) {
                send(message);
            } else {
                if (message.GetDescriptor() != Resp::descriptor()) {
                    send(message);
                    return;
                }
                auto taken = std::make_unique<Resp>();
                taken->Swap(static_cast<Resp*>(&message));
                enqueue(std::move(taken));
            }
        }

        void sendSerialized(std::vector<std::string> messages,
                            const google::protobuf::Descriptor* type) override
        {
            if constexpr (kRaw) {
                std::vector<Item> items;
                items.reserve(messages.size());
                for (const auto& bytes : messages)
                    items.push_back(bytesOf(bytes));
                enqueue(std::move(items));
            } else {
                RpcStream::sendSerialized(std::move(messages), type);
            }
        }

        void finish(const common::Status& status, Trailers trailers = {}) override
        {
            Reactor* finishing = nullptr;
            {
                std::lock_guard lock(m_mutex);
                if (m_closed || m_finishing)
                    return;
                m_finishing = true;
                m_finalStatus = GrpcStatus::from(status);
                for (auto& [key, value] : trailers)
                    if (!value.empty())
                        m_reactor->m_ctx->AddTrailingMetadata(key, value);
                if (!m_writing)
                    finishing = takeFinishLocked();
            }
            if (finishing)
                finishing->Finish(m_finalStatus);
        }

        bool congested() const override
        {
            std::lock_guard lock(m_mutex);
            return m_congested;
        }
        bool closed() const override
        {
            std::lock_guard lock(m_mutex);
            return m_closed;
        }
        void setOnDrained(std::function<void()> callback) override
        {
            std::lock_guard lock(m_mutex);
            m_onDrained = std::move(callback);
        }
        void setOnClosed(std::function<void()> callback) override
        {
            std::unique_lock lock(m_mutex);
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
            Next next;
            {
                std::lock_guard lock(m_mutex);
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
                if (!m_queue.empty())
                    next = takeWriteLocked();
                else if (m_finishing)
                    next.finish = takeFinishLocked();
                if (m_congested && m_queue.size() < kLowWater) {
                    m_congested = false;
                    drained = m_onDrained;
                }
            }
            run(next);
            if (drained)
                drained();
        }

        void cancelled()
        {
            Reactor* finishing = nullptr;
            {
                std::lock_guard lock(m_mutex);
                m_queue.erase(m_queue.begin() + (m_writing ? 1 : 0), m_queue.end());
                if (!m_finishing) {
                    m_finishing = true;
                    m_finalStatus = grpc::Status::CANCELLED;
                }
                if (!m_writing)
                    finishing = takeFinishLocked();
            }
            if (finishing)
                finishing->Finish(m_finalStatus);
        }

        void done()
        {
            std::function<void()> onClosed;
            {
                std::lock_guard lock(m_mutex);
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
        // What to start on the reactor once the lock is released. gRPC is
        // called outside the lock so that a reactor calling back at once
        // cannot deadlock; m_writing (or m_finished) keeps anyone else from
        // starting an operation meanwhile, and OnDone cannot run before it.
        struct Next
        {
            Reactor* write = nullptr;
            const Resp* message = nullptr;
            grpc::WriteOptions options;
            Reactor* finish = nullptr;
        };

        static Item bytesOf(const std::string& bytes) { return grpc::Slice(bytes); }
        // The message of the queue's front, valid until its write is done.
        const Resp* frontMessageLocked()
        {
            if constexpr (kRaw) {
                grpc::ByteBuffer buffer(&m_queue.front(), 1);
                m_current.Swap(&buffer);
                return &m_current;
            } else {
                return m_queue.front().get();
            }
        }

        void enqueue(Item item)
        {
            std::vector<Item> items;
            items.push_back(std::move(item));
            enqueue(std::move(items));
        }

        // Queues a whole batch under one lock acquisition.
        void enqueue(std::vector<Item> items)
        {
            Next next;
            bool overflow = false;
            {
                std::lock_guard lock(m_mutex);
                if (m_closed || m_finishing)
                    return;
                for (auto& item : items) {
                    if (m_queue.size() >= kHardLimit) {
                        overflow = true;
                        break;
                    }
                    m_queue.push_back(std::move(item));
                }
                if (m_queue.size() > kHighWater)
                    m_congested = true;
                if (!m_writing && !m_queue.empty())
                    next = takeWriteLocked();
            }
            run(next);
            if (overflow)
                finish(common::Error(common::StatusCode::ResourceExhausted,
                                     "client is reading too slowly; reconnect with the last "
                                     "sequence number seen"));
        }

        Next takeWriteLocked()
        {
            Next next;
            m_writing = true;
            // More is queued behind this message: let gRPC coalesce the writes.
            // Never the first one: it carries the initial metadata, which a
            // buffered write holds back until a later write that cannot start
            // before this one is done.
            if (m_queue.size() > 1 && m_startedWrite)
                next.options.set_buffer_hint();
            m_startedWrite = true;
            next.write = m_reactor;
            next.message = frontMessageLocked();
            return next;
        }
        Reactor* takeFinishLocked()
        {
            if (m_finished || !m_reactor)
                return nullptr;
            m_finished = true;
            return m_reactor;
        }
        void run(const Next& next)
        {
            if (next.write)
                next.write->StartWrite(next.message, next.options);
            else if (next.finish)
                next.finish->Finish(m_finalStatus);
        }

        mutable std::mutex m_mutex;
        Reactor* m_reactor;
        std::deque<Item> m_queue;
        // Raw streams: the buffer of the write in flight (the queue holds slices).
        std::conditional_t<kRaw, grpc::ByteBuffer, std::nullptr_t> m_current{};
        bool m_writing = false;
        bool m_startedWrite = false;
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
