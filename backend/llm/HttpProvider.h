#pragma once

#include "llm/EndpointSettings.h"
#include "llm/HttpClient.h"
#include "llm/Provider.h"

#include <QJsonObject>
#include <QString>

namespace builder::llm {

// The part every vendor shares: pick the model, send over HttpClient, retry 429/5xx/connection
// failures with backoff (honouring Retry-After), map HTTP errors to status codes, bill the
// usage. Subclasses only encode the request and decode the answer in their wire format.
class HttpProvider : public Provider
{
public:
    explicit HttpProvider(EndpointSettings settings);

    std::string name() const override { return m_settings.name; }
    common::Result<CompletionResponse> complete(const CompletionRequest& request,
                                                const common::CancelToken& cancel) override;
    const EndpointSettings& settings() const { return m_settings; }

protected:
    struct Wire
    {
        QString path; // appended to the base URL, e.g. "/v1/messages"
        HttpClient::HeaderList headers;
        QByteArray body;
    };
    struct Decoded
    {
        std::string text;
        std::string model; // empty: the requested one
        TokenUsage usage;
        std::string stopReason;
        bool truncated = false;
    };
    // A vendor error body read for its kind and message ({"error":{"type","message"}} etc.).
    struct VendorError
    {
        std::string type;
        std::string message;
        bool badKey = false; // the vendor says the key is wrong whatever the status (Gemini's 400)
    };

    virtual common::Result<Wire> encode(const CompletionRequest& request,
                                        const std::string& model) const = 0;
    // An Unavailable error means "malformed, worth asking again"; other codes are final.
    virtual common::Result<Decoded> decode(const QJsonObject& body,
                                           const CompletionRequest& request) const = 0;
    virtual VendorError readError(const QJsonObject& body) const = 0;

    // The URL of `path` under the base URL, without doubling a "/v1" or "/v1beta" the base
    // already ends with.
    QUrl endpoint(const QString& path) const;

private:
    common::Error httpError(int status, const QByteArray& body) const;
    std::string redact(std::string text) const;

    EndpointSettings m_settings;
};

} // namespace builder::llm
