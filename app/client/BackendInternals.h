#pragma once

#include "ConnectionSettings.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <QThreadPool>

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace builder::client {

// The gRPC side of a BackendClient: the channel, the pool unary calls run on,
// and the stream threads. Private to app/client; nothing here runs on the GUI thread
// except construction and destruction.
class BackendInternals
{
public:
    explicit BackendInternals(const ConnectionSettings& settings);
    ~BackendInternals();
    BackendInternals(const BackendInternals&) = delete;
    BackendInternals& operator=(const BackendInternals&) = delete;

    std::shared_ptr<grpc::Channel> channel() const { return m_channel; }
    const ConnectionSettings& settings() const { return m_settings; }

    // Adds the bearer token and, for unary calls, the call deadline.
    void prepare(grpc::ClientContext& context, bool withDeadline) const;
    // Runs `work` on the call pool with a prepared context that shutdown can cancel.
    void run(std::function<void(grpc::ClientContext&)> work);
    // Starts a stream thread; it is joined when it has ended or at shutdown.
    void spawn(std::function<void()> work);
    // Called from worker threads after each call.
    void setStatusObserver(std::function<void(int grpcCode)> observer);
    void observe(int grpcCode) const;

private:
    struct StreamThread
    {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    void reapFinished();

    ConnectionSettings m_settings;
    std::shared_ptr<grpc::Channel> m_channel;
    QThreadPool m_pool;
    mutable std::mutex m_mutex;
    std::set<grpc::ClientContext*> m_active;
    std::list<StreamThread> m_streams;
    std::function<void(int)> m_observer;
    bool m_shuttingDown = false;
};

} // namespace builder::client
