#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <utility>

namespace builder::client {

// Hands a result from a worker thread to the GUI thread. `guard` is the object
// the result is for (a widget, a model); when it is gone by the time the event
// loop runs the delivery, the result is dropped instead of reaching a dead object.
template <typename Fn> void deliver(const QPointer<QObject>& guard, Fn&& fn)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [guard, fn = std::forward<Fn>(fn)]() mutable {
            if (guard)
                fn();
        },
        Qt::QueuedConnection);
}

} // namespace builder::client
