#include "http/HttpServer.h"

#include "http/HttpWire.h"
#include "http/IoWorker.h"
#include "http/TcpListener.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QThread>

namespace builder::http {

namespace {

constexpr int kListenBacklog = 1024;

// The server whose acceptor or I/O thread this is, so stop() can refuse to join itself
// without taking a lock.
thread_local const HttpServer* t_owningServer = nullptr;

std::optional<QSslKey> loadKey(const QByteArray& pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return std::nullopt;
}

// The server-side TLS configuration from PEM files, or an error message.
std::optional<QSslConfiguration> loadTls(const HttpServerOptions& options, QString* error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("TLS is not available (no TLS backend)");
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(options.tlsCertificateFile);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(options.tlsCertificateFile);
        return std::nullopt;
    }
    QFile keyFile(options.tlsKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read %1: %2").arg(options.tlsKeyFile, keyFile.errorString());
        return std::nullopt;
    }
    const std::optional<QSslKey> key = loadKey(keyFile.readAll());
    if (!key) {
        *error = QStringLiteral("no unencrypted PEM private key in %1").arg(options.tlsKeyFile);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(*key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

QString endpoint(const QHostAddress& address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace

HttpServer::HttpServer(HttpServerOptions options, HttpHandler* handler)
    : m_options(std::move(options)), m_handler(handler)
{}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(QString* error)
{
    std::lock_guard lock(m_lifecycleMutex);
    QString message;
    const bool ok = startLocked(&message);
    if (!ok) {
        qCWarning(lcHttp).noquote() << message;
        stopLocked();
        if (error)
            *error = message;
    }
    return ok;
}

bool HttpServer::startLocked(QString* error)
{
    if (m_running) {
        *error = QStringLiteral("the HTTP server is already running");
        return false;
    }
    if (!m_handler || m_options.ioThreads < 1 || m_options.maxHeaderBytes < 256 ||
        m_options.maxBodyBytes < 0) {
        *error = QStringLiteral("invalid HTTP server options");
        return false;
    }
    std::optional<QSslConfiguration> tls;
    if (!m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty()) {
        if (m_options.tlsCertificateFile.isEmpty() || m_options.tlsKeyFile.isEmpty()) {
            *error = QStringLiteral("TLS needs both a certificate and a key file");
            return false;
        }
        tls = loadTls(m_options, error);
        if (!tls) {
            *error = QStringLiteral("cannot serve HTTPS on %1: %2")
                         .arg(endpoint(m_options.address, m_options.port), *error);
            return false;
        }
    }
    m_running = true; // from here on stopLocked() cleans up whatever got started
    for (int i = 0; i < m_options.ioThreads; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("http-io-%1").arg(i));
        auto* worker = new IoWorker(m_options, m_handler, tls);
        worker->moveToThread(thread.get());
        thread->start();
        QMetaObject::invokeMethod(
            worker, [worker] { worker->initialize(); }, Qt::BlockingQueuedConnection);
        m_workers.push_back(worker);
        m_ioThreads.push_back(std::move(thread));
    }
    m_acceptorThread = std::make_unique<QThread>();
    m_acceptorThread->setObjectName(QStringLiteral("http-accept"));
    m_nextWorker = 0;
    m_listener = new TcpListener([this](qintptr descriptor) {
        IoWorker* worker = m_workers[m_nextWorker++ % m_workers.size()];
        QMetaObject::invokeMethod(
            worker, [worker, descriptor] { worker->adopt(descriptor); }, Qt::QueuedConnection);
    });
    m_listener->setListenBacklogSize(kListenBacklog);
    m_listener->moveToThread(m_acceptorThread.get());
    m_acceptorThread->start();
    bool listening = false;
    QString reason;
    TcpListener* listener = m_listener;
    const HttpServerOptions& options = m_options;
    QMetaObject::invokeMethod(
        listener,
        [&] {
            t_owningServer = this;
            listening = listener->listen(options.address, options.port);
            if (listening) {
                m_port = listener->serverPort();
                std::lock_guard addressLock(m_addressMutex);
                m_address = listener->serverAddress();
            } else {
                reason = listener->errorString();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        *error = QStringLiteral("cannot listen on %1: %2")
                     .arg(endpoint(m_options.address, m_options.port), reason);
        return false;
    }
    return true;
}

quint16 HttpServer::port() const
{
    return m_port.load();
}

QHostAddress HttpServer::address() const
{
    std::lock_guard lock(m_addressMutex);
    return m_address;
}

bool HttpServer::isRunning() const
{
    return m_running.load();
}

void HttpServer::stop()
{
    // Joining a thread from itself would deadlock.
    if (t_owningServer == this) {
        qCWarning(lcHttp) << "HttpServer::stop() called from one of its own threads; ignored";
        return;
    }
    std::lock_guard lock(m_lifecycleMutex);
    stopLocked();
}

void HttpServer::stopLocked()
{
    if (!m_running)
        return;
    // Acceptor first: every descriptor it handed out is queued to a worker before the worker's
    // shutdown request, and a worker closes descriptors that arrive after it.
    if (m_acceptorThread) {
        if (m_acceptorThread->isRunning()) {
            TcpListener* listener = m_listener;
            QMetaObject::invokeMethod(
                listener, [listener] { listener->close(); }, Qt::BlockingQueuedConnection);
            m_acceptorThread->quit();
            m_acceptorThread->wait();
        }
        delete m_listener; // its thread has finished and it holds no socket any more
        m_listener = nullptr;
        m_acceptorThread.reset();
    }
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        IoWorker* worker = m_workers[i];
        QMetaObject::invokeMethod(
            worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
        m_ioThreads[i]->quit();
        m_ioThreads[i]->wait();
        delete worker;
    }
    m_workers.clear();
    m_ioThreads.clear();
    m_port = 0;
    {
        std::lock_guard addressLock(m_addressMutex);
        m_address = QHostAddress();
    }
    m_running = false;
}

} // namespace builder::http
