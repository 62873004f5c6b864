#include "Timestamps.h"

#include <chrono>

namespace builder::store {

std::int64_t Timestamps::nowMillis()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t Timestamps::toMillis(const google::protobuf::Timestamp& ts)
{
    return ts.seconds() * 1000 + ts.nanos() / 1000000;
}

void Timestamps::fromMillis(std::int64_t ms, google::protobuf::Timestamp* out)
{
    if (ms == 0) {
        out->Clear();
        return;
    }
    std::int64_t seconds = ms / 1000;
    std::int64_t rest = ms % 1000;
    if (rest < 0) {
        --seconds;
        rest += 1000;
    }
    out->set_seconds(seconds);
    out->set_nanos(static_cast<int>(rest * 1000000));
}

} // namespace builder::store
