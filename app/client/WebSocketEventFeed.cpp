#include "WebSocketEventFeed.h"

#include <google/protobuf/util/json_util.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

namespace builder::client {

namespace fv1 = feature::feature::v1;

WebSocketEventFeed::WebSocketEventFeed(QString httpAddress, bool tls, QString token,
                                       QObject* parent)
    : EventFeed(parent), m_httpAddress(std::move(httpAddress)), m_tls(tls),
      m_token(std::move(token))
{
    // Frames arrive one event each; hand them on in batches per event-loop pass.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &WebSocketEventFeed::flush);
}

WebSocketEventFeed::~WebSocketEventFeed()
{
    close();
}

void WebSocketEventFeed::open(const QString& executionId, quint64 afterSequence)
{
    close();
    m_failed = false;
    m_error = {common::StatusCode::Unavailable, "the WebSocket event feed closed"};
    QUrl url(QStringLiteral("%1://%2/v1/events").arg(m_tls ? "wss" : "ws", m_httpAddress));
    QUrlQuery query;
    query.addQueryItem("execution", executionId);
    query.addQueryItem("after_sequence", QString::number(afterSequence));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &EventFeed::opened);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketEventFeed::onText);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketEventFeed::onDisconnected);
    m_socket->open(request);
}

void WebSocketEventFeed::close()
{
    m_flushTimer.stop();
    m_pending.clear();
    if (!m_socket)
        return;
    QWebSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void WebSocketEventFeed::onText(const QString& frame)
{
    const std::string text = frame.toStdString();
    fv1::ListEventsResponse response;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    if (google::protobuf::util::JsonStringToMessage(text, &response, options).ok() &&
        response.has_event()) {
        m_pending.push_back(std::move(*response.mutable_event()));
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
        return;
    }
    const auto error = QJsonDocument::fromJson(frame.toUtf8()).object().value("error").toObject();
    if (!error.isEmpty()) {
        common::StatusCode code = common::StatusCode::Unknown;
        common::parseConnectCodeName(error.value("code").toString().toStdString(), code);
        m_error = {code, error.value("message").toString().toStdString()};
        m_failed = true;
    }
}

void WebSocketEventFeed::flush()
{
    if (m_pending.empty())
        return;
    EventBatch batch;
    batch.swap(m_pending);
    emit eventsArrived(batch);
}

void WebSocketEventFeed::onDisconnected()
{
    flush();
    if (m_socket && !m_failed && m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal)
        m_error = {common::StatusCode::Unavailable,
                   "WebSocket event feed: " + m_socket->errorString().toStdString()};
    const common::Error error = m_error;
    close();
    emit ended(error);
}

} // namespace builder::client
