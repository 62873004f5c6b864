#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace builder::fakes {

// What the fake server answers to one request. Answers and errors are wrapped in the wire
// format of the provider that was called; raw replies are sent as given.
struct FakeReply
{
    enum class Kind
    {
        Answer,     // 200 with `text` in the provider's response shape (JSON -> tool_use for
                    // an Anthropic request with a forced tool)
        Error,      // `status` with the provider's error body shape
        Raw,        // `status`, `headers` and `body` exactly
        Malformed,  // 200 with a body that is not JSON
        Truncated,  // 200 whose Content-Length promises more than is sent, then close
        Disconnect, // close the connection without answering
    };
    // Errors whose vendor-specific type the server picks ("rate_limit_error",
    // "RESOURCE_EXHAUSTED").
    enum class ErrorFlavor
    {
        Custom,
        RateLimited,
        ServerError,
        Overloaded, // Anthropic 529 overloaded_error; others 503
    };
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    Kind kind = Kind::Answer;
    int status = 200;
    std::string text;
    QByteArray body;
    HeaderList headers; // added to every kind of reply
    ErrorFlavor flavor = ErrorFlavor::Custom;
    std::string errorType;
    std::string errorMessage;
    std::optional<std::int64_t> inputTokens;  // default: prompt length / 4
    std::optional<std::int64_t> outputTokens; // default: answer length / 4
    std::chrono::milliseconds delay{0};       // before answering; cut short by stop()
    bool cutOff = false;                      // the answer stopped at the output token limit

    static FakeReply answer(std::string text);
    static FakeReply json(const QJsonValue& value); // compact JSON text as the answer
    static FakeReply error(int status, std::string type, std::string message);
    static FakeReply raw(int status, QByteArray body, HeaderList headers = {});
    static FakeReply rateLimited(int retryAfterSeconds); // 429 with Retry-After
    static FakeReply serverError();                      // 500
    static FakeReply overloaded();                       // 529 / 503
    static FakeReply malformed();
    static FakeReply truncated();
    static FakeReply disconnect();

    FakeReply& withUsage(std::int64_t input, std::int64_t output);
    FakeReply& after(std::chrono::milliseconds wait);
    FakeReply& withHeader(QByteArray name, QByteArray value);
    FakeReply& stoppedAtLimit();
};

} // namespace builder::fakes
