#include "EventFeed.h"

namespace builder::client {

EventFeed::~EventFeed() = default;

} // namespace builder::client
