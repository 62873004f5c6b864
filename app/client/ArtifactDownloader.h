#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace builder::client {

// Fetches an artifact through its signed URL and writes it to a file on a worker
// thread, so neither the download nor the disk write holds up the GUI.
class ArtifactDownloader : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void download(const QUrl& signedUrl, const QString& targetPath);

signals:
    void progress(const QString& targetPath, qint64 received, qint64 total);
    void finished(const QString& targetPath);
    void failed(const QString& targetPath, const QString& message);

private:
    QNetworkAccessManager m_network;
};

} // namespace builder::client
