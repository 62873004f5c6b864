#pragma once

namespace builder::git {

// What RemoteProbe::probe checks besides reading.
struct ProbeOptions
{
    // Also open a push connection; off leaves RemoteInfo::canWrite false.
    bool checkWrite = true;
};

} // namespace builder::git
