#include "ArtifactDownloader.h"

#include "Delivery.h"

#include <QFile>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>

namespace builder::client {

void ArtifactDownloader::download(const QUrl& signedUrl, const QString& targetPath)
{
    if (!signedUrl.isValid() || signedUrl.isEmpty()) {
        emit failed(targetPath, tr("The artifact has no download URL"));
        return;
    }
    QNetworkRequest request(signedUrl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = m_network.get(request);
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, targetPath](qint64 received, qint64 total) {
                emit progress(targetPath, received, total);
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply, targetPath] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            emit failed(targetPath, reply->errorString());
            return;
        }
        QPointer<QObject> self(this);
        const QByteArray body = reply->readAll();
        QThreadPool::globalInstance()->start([self, body, targetPath] {
            QSaveFile file(targetPath);
            const bool ok =
                file.open(QIODevice::WriteOnly) && file.write(body) == body.size() && file.commit();
            const QString error = ok ? QString() : file.errorString();
            deliver(self, [self, ok, error, targetPath] {
                auto* downloader = static_cast<ArtifactDownloader*>(self.data());
                if (ok)
                    emit downloader->finished(targetPath);
                else
                    emit downloader->failed(targetPath, error);
            });
        });
    });
}

} // namespace builder::client
