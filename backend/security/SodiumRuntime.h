#pragma once

namespace builder::security {

// Initialises libsodium exactly once per process before any of its calls.
class SodiumRuntime
{
public:
    // Thread-safe and cheap after the first call; throws std::runtime_error if
    // libsodium cannot start (no usable random source), since nothing here can
    // work safely without one.
    static void ensure();
};

} // namespace builder::security
