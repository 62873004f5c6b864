#pragma once

#include <QString>

namespace builder::client {

// Finds the builderd program: $BUILDER_BUILDERD, next to the Studio (installed),
// the build tree's backend/daemon/builderd, else PATH. Touches the disk: call
// it from a worker thread.
class BuilderdLocator
{
public:
    static constexpr const char* kOverrideVariable = "BUILDER_BUILDERD";

    static QString find();
};

} // namespace builder::client
