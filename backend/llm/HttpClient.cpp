#include "HttpClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <atomic>
#include <memory>

namespace builder::llm {

using common::Error;
using common::StatusCode;

namespace {

enum class AbortCause : int
{
    None = 0,
    Cancelled = 1,
    Timeout = 2
};

// Qt reports HTTP error statuses as errors too (content 201-299, 302 for a 400, server
// 401-499, 107 for a 407); those are answers. Network (1-99), proxy (101-199) and protocol
// failures (301, 399) are not: the response never arrived whole.
bool isTransportError(QNetworkReply::NetworkError error, int status)
{
    const int code = static_cast<int>(error);
    if (code == QNetworkReply::ProxyAuthenticationRequiredError)
        return status != 407;
    return (code > 0 && code < 200) || code == QNetworkReply::ProtocolUnknownError ||
           code == QNetworkReply::ProtocolFailure;
}

std::string hostOf(const QUrl& url)
{
    return url.host().toStdString() + ":" +
           std::to_string(url.port(url.scheme() == "https" ? 443 : 80));
}

} // namespace

QByteArray HttpClient::Reply::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

common::Result<HttpClient::Reply> HttpClient::post(const Request& request,
                                                   const common::CancelToken& cancel)
{
    if (auto reason = cancel.reason())
        return *reason;

    QEventLoop loop;
    QNetworkAccessManager manager;
    manager.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);

    QNetworkRequest networkRequest(request.url);
    for (const auto& [name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute,
                                QNetworkRequest::Manual);

    std::unique_ptr<QNetworkReply> reply(manager.post(networkRequest, request.body));
    auto cause = std::make_shared<std::atomic<int>>(0);
    QNetworkReply* const rawReply = reply.get();

    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, rawReply, [rawReply, cause] {
        int expected = 0;
        cause->compare_exchange_strong(expected, static_cast<int>(AbortCause::Timeout));
        rawReply->abort();
    });
    QObject::connect(rawReply, &QNetworkReply::finished, &loop, &QEventLoop::quit);

    // Runs on the cancelling thread: only post to this thread's loop, which discards the call
    // if the loop is gone by then (the registration is dropped before it is).
    auto registration = cancel.onCancel([&loop, rawReply, cause] {
        QMetaObject::invokeMethod(
            &loop,
            [rawReply, cause] {
                int expected = 0;
                cause->compare_exchange_strong(expected, static_cast<int>(AbortCause::Cancelled));
                rawReply->abort();
            },
            Qt::QueuedConnection);
    });

    deadline.start(request.timeout);
    if (!rawReply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    registration = {};
    deadline.stop();

    switch (static_cast<AbortCause>(cause->load())) {
    case AbortCause::Cancelled:
        return cancel.reason().value_or(Error(StatusCode::Cancelled, "cancelled"));
    case AbortCause::Timeout:
        return Error(StatusCode::DeadlineExceeded,
                     "no complete response from " + hostOf(request.url) + " within " +
                         std::to_string(request.timeout.count()) + " ms");
    case AbortCause::None:
        break;
    }

    const auto error = rawReply->error();
    const QVariant status = rawReply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || isTransportError(error, status.toInt()))
        return Error(StatusCode::Unavailable,
                     "HTTP request to " + hostOf(request.url) +
                         " failed: " + rawReply->errorString().toStdString());

    Reply out;
    out.status = status.toInt();
    out.headers = rawReply->rawHeaderPairs();
    out.body = rawReply->readAll();
    return out;
}

} // namespace builder::llm
