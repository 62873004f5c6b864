#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

#include <chrono>

namespace builder::llm {

// A blocking HTTP POST on Qt Network, usable from any thread (a plain std::thread included):
// each call builds its own QNetworkAccessManager and runs a local QEventLoop on the calling
// thread. Cancelling the token aborts the transfer from whichever thread cancels. Errors never
// carry header values or the body (they hold the API key and the prompt).
class HttpClient
{
public:
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QUrl url;
        HeaderList headers;
        QByteArray body;
        std::chrono::milliseconds timeout{300000}; // whole call, connect to last byte
    };

    struct Reply
    {
        int status = 0;
        HeaderList headers;
        QByteArray body;
        // The first header of that name (case-insensitive), empty when absent.
        QByteArray header(const QByteArray& name) const;
    };

    // An answered request (any HTTP status) or: Cancelled (the token's reason), DeadlineExceeded
    // (timeout) or Unavailable (connection refused/reset, TLS failure, response cut short).
    static common::Result<Reply> post(const Request& request, const common::CancelToken& cancel);
};

} // namespace builder::llm
