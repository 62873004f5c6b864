#pragma once

#include "common/Error.h"

#include <QCoreApplication>
#include <QString>

namespace builder::views {

// The sentence a failed call becomes in the Studio: which call, the server's
// code in capitals (UNIMPLEMENTED, PERMISSION_DENIED, ...) and its message.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // what: "ReviewService.GetDiff"
    static QString describe(const common::Error& error, const QString& what);
    static QString codeName(common::StatusCode code);
    static bool isUnimplemented(const common::Error& error)
    {
        return error.code() == common::StatusCode::Unimplemented;
    }
};

} // namespace builder::views
