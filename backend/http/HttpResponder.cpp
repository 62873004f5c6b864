#include "http/HttpResponder.h"

#include "http/HttpConnection.h"
#include "http/ResponderLink.h"

namespace builder::http {

HttpResponder::HttpResponder(std::shared_ptr<ResponderLink> link) : m_link(std::move(link)) {}

HttpResponder::~HttpResponder()
{
    if (m_answered.load())
        return;
    // The handler let go without finishing: the connection answers 500 or aborts the stream.
    const quint64 id = m_link->requestId();
    m_link->post([id](HttpConnection* connection) { connection->abandon(id); }, 0);
}

void HttpResponder::respond(int status, const HeaderList& headers, const QByteArray& body)
{
    m_answered.store(true);
    const quint64 id = m_link->requestId();
    m_link->post(
        [id, status, headers, body](HttpConnection* connection) {
            connection->respond(id, status, headers, body);
        },
        body.size());
}

void HttpResponder::beginStream(int status, const HeaderList& headers)
{
    const quint64 id = m_link->requestId();
    m_link->post([id, status, headers](
                     HttpConnection* connection) { connection->beginStream(id, status, headers); },
                 0);
}

void HttpResponder::writeChunk(const QByteArray& data)
{
    if (data.isEmpty())
        return; // an empty chunk would end the chunked body
    const quint64 id = m_link->requestId();
    m_link->post([id, data](HttpConnection* connection) { connection->writeChunk(id, data); },
                 data.size());
}

void HttpResponder::endStream()
{
    m_answered.store(true);
    const quint64 id = m_link->requestId();
    m_link->post([id](HttpConnection* connection) { connection->endStream(id); }, 0);
}

bool HttpResponder::isClosed() const
{
    return m_link->isDetached();
}

void HttpResponder::setOnClosed(std::function<void()> callback)
{
    m_link->setOnClosed(std::move(callback));
}

void HttpResponder::setOnDrained(std::function<void()> callback)
{
    m_link->setOnDrained(std::move(callback));
}

qint64 HttpResponder::pendingBytes() const
{
    return m_link->pendingBytes();
}

} // namespace builder::http
