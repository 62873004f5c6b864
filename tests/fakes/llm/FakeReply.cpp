#include "FakeReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace builder::fakes {

FakeReply FakeReply::answer(std::string text)
{
    FakeReply reply;
    reply.text = std::move(text);
    return reply;
}

FakeReply FakeReply::json(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return answer(wrapped.mid(1, wrapped.size() - 2).toStdString());
}

FakeReply FakeReply::error(int status, std::string type, std::string message)
{
    FakeReply reply;
    reply.kind = Kind::Error;
    reply.status = status;
    reply.errorType = std::move(type);
    reply.errorMessage = std::move(message);
    return reply;
}

FakeReply FakeReply::raw(int status, QByteArray body, HeaderList headers)
{
    FakeReply reply;
    reply.kind = Kind::Raw;
    reply.status = status;
    reply.body = std::move(body);
    reply.headers = std::move(headers);
    return reply;
}

FakeReply FakeReply::rateLimited(int retryAfterSeconds)
{
    FakeReply reply = error(429, {}, "Rate limit exceeded; retry later.");
    reply.flavor = ErrorFlavor::RateLimited;
    reply.headers.append({"retry-after", QByteArray::number(retryAfterSeconds)});
    return reply;
}

FakeReply FakeReply::serverError()
{
    FakeReply reply = error(500, {}, "Internal server error");
    reply.flavor = ErrorFlavor::ServerError;
    return reply;
}

FakeReply FakeReply::overloaded()
{
    FakeReply reply = error(529, {}, "Overloaded");
    reply.flavor = ErrorFlavor::Overloaded;
    return reply;
}

FakeReply FakeReply::malformed()
{
    FakeReply reply;
    reply.kind = Kind::Malformed;
    return reply;
}

FakeReply FakeReply::truncated()
{
    FakeReply reply;
    reply.kind = Kind::Truncated;
    return reply;
}

FakeReply FakeReply::disconnect()
{
    FakeReply reply;
    reply.kind = Kind::Disconnect;
    return reply;
}

FakeReply& FakeReply::withUsage(std::int64_t input, std::int64_t output)
{
    inputTokens = input;
    outputTokens = output;
    return *this;
}

FakeReply& FakeReply::after(std::chrono::milliseconds wait)
{
    delay = wait;
    return *this;
}

FakeReply& FakeReply::withHeader(QByteArray name, QByteArray value)
{
    headers.append({std::move(name), std::move(value)});
    return *this;
}

FakeReply& FakeReply::stoppedAtLimit()
{
    cutOff = true;
    return *this;
}

} // namespace builder::fakes
