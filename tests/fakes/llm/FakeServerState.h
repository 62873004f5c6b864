#pragma once

#include "FakeReply.h"
#include "FakeRequest.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace builder::fakes {

// What a FakeLlmServer shares between the test thread and its own: the script, the key,
// and every request received. All members are used under `mutex`.
struct FakeServerState
{
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<FakeReply> queue;
    std::function<FakeReply(const FakeRequest&)> responder;
    std::function<void(const FakeRequest&)> observer;
    std::string apiKey = "test-key";
    std::vector<FakeRequest> requests;
    std::size_t disconnects = 0; // client connections that closed

    // Records the request (giving it its index) and picks the reply: refused by the auth rules,
    // else the queue's front, else the responder, else a 400 saying nothing was scripted.
    FakeReply accept(FakeRequest& request);
};

} // namespace builder::fakes
