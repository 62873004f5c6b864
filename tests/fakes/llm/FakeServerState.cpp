#include "FakeServerState.h"

#include "FakeWire.h"

namespace builder::fakes {

FakeReply FakeServerState::accept(FakeRequest& request)
{
    std::function<FakeReply(const FakeRequest&)> respond;
    std::function<void(const FakeRequest&)> observe;
    std::optional<FakeReply> reply;
    {
        std::lock_guard<std::mutex> lock(mutex);
        request.index = static_cast<int>(requests.size());
        requests.push_back(request);
        observe = observer;
        if (request.kind == FakeProviderKind::Unknown || request.method != "POST")
            reply = FakeWire::notFound(request);
        else if (auto refusal = FakeWire::checkAuth(request, apiKey))
            reply = std::move(refusal);
        else if (!queue.empty()) {
            reply = std::move(queue.front());
            queue.pop_front();
        } else {
            respond = responder;
        }
    }
    changed.notify_all();
    if (observe)
        observe(request);
    if (reply)
        return *reply;
    // Outside the lock: a responder may look at requests() or enqueue more.
    if (respond)
        return respond(request);
    return FakeReply::error(400, "invalid_request_error",
                            "fake LLM server: no scripted reply for request #" +
                                std::to_string(request.index) + " (stage \"" + request.stage +
                                "\")");
}

} // namespace builder::fakes
