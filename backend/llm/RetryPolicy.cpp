#include "RetryPolicy.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <random>

namespace builder::llm {

using std::chrono::milliseconds;

milliseconds RetryPolicy::backoff(int attempt) const
{
    const int shift = std::clamp(attempt - 1, 0, 20);
    const auto ceiling = std::min<std::int64_t>(maxDelay.count(), baseDelay.count() << shift);
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::uniform_int_distribution<std::int64_t> pick(ceiling / 2,
                                                     std::max<std::int64_t>(ceiling, 0));
    return milliseconds(pick(random));
}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

namespace {

std::optional<std::int64_t> parseNonNegative(const QByteArray& text)
{
    bool ok = false;
    const auto value = text.trimmed().toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

// IMF-fixdate (the form servers send), then the two obsolete forms RFC 9110 still asks
// recipients to accept. The weekday is dropped first: Qt would reject a date whose weekday it
// computes differently (as it does for two-digit years, which it reads as 19xx).
std::optional<QDateTime> parseHttpDate(const QByteArray& text)
{
    QString value = QString::fromLatin1(text).simplified();
    const qsizetype space = value.indexOf(' ');
    if (space < 0)
        return std::nullopt;
    value = value.mid(space + 1);
    const QLocale c = QLocale::c();
    for (const char* format :
         {"dd MMM yyyy HH:mm:ss 'GMT'", "dd-MMM-yy HH:mm:ss 'GMT'", "MMM d HH:mm:ss yyyy"}) {
        QDateTime parsed = c.toDateTime(value, QString::fromLatin1(format));
        if (parsed.isValid()) {
            parsed = QDateTime(parsed.date(), parsed.time(), QTimeZone::utc());
            if (parsed.date().year() < 1970)
                parsed = parsed.addYears(100);
            return parsed;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<milliseconds> RetryPolicy::serverDelay(const QByteArray& retryAfter,
                                                     const QByteArray& retryAfterMs,
                                                     const QDateTime& now)
{
    if (!retryAfterMs.isEmpty())
        if (auto ms = parseNonNegative(retryAfterMs))
            return milliseconds(*ms);
    if (retryAfter.isEmpty())
        return std::nullopt;
    if (auto seconds = parseNonNegative(retryAfter))
        return milliseconds(*seconds * 1000);
    if (auto date = parseHttpDate(retryAfter))
        return milliseconds(std::max<std::int64_t>(0, now.msecsTo(*date)));
    return std::nullopt;
}

} // namespace builder::llm
