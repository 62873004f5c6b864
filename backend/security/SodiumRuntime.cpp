#include "SodiumRuntime.h"

#include <sodium.h>

#include <stdexcept>

namespace builder::security {

void SodiumRuntime::ensure()
{
    // A function-local static gives a thread-safe once-only initialisation.
    static const bool kReady = sodium_init() >= 0;
    if (!kReady)
        throw std::runtime_error("libsodium could not be initialised");
}

} // namespace builder::security
