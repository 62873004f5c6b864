#pragma once

#include "Reply.h"

#include <QObject>
#include <QString>

namespace builder::client {

class BackendInternals;

// Asks whether the server offers a method, before a screen depends on it:
// an empty request to the method either reaches its handler (offered, whatever
// it answers) or is refused with UNIMPLEMENTED by the server itself.
class ServiceProbe
{
public:
    explicit ServiceProbe(BackendInternals& internals) : m_internals(internals) {}

    // fullMethod: "/package.Service/Method". Replies true when offered.
    void isOffered(const QString& fullMethod, QObject* guard, Reply<bool> done);

private:
    BackendInternals& m_internals;
};

} // namespace builder::client
