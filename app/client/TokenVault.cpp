#include "TokenVault.h"

#include <qt6keychain/keychain.h>

namespace builder::client {

namespace {

bool keychainMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::AccessDenied || error == QKeychain::OtherError;
}

} // namespace

QString TokenVault::fallbackMessage(const QString& reason)
{
    return tr("No system keychain is available (%1). The token is used for this session only "
              "and is not saved; start a keychain service (GNOME Keyring or KWallet) to keep it, "
              "or start the Studio with --token-file.")
        .arg(reason);
}

void TokenVault::store(const QString& serverKey, const QString& token)
{
    auto* job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(serverKey);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, serverKey](QKeychain::Job* done) {
        if (done->error() == QKeychain::NoError)
            emit stored(serverKey);
        else
            emit unavailable(fallbackMessage(done->errorString()));
    });
    job->start();
}

void TokenVault::load(const QString& serverKey)
{
    auto* job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(serverKey);
    connect(job, &QKeychain::Job::finished, this, [this, serverKey](QKeychain::Job* done) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(done);
        if (done->error() == QKeychain::NoError)
            emit loaded(serverKey, read->textData());
        else if (done->error() == QKeychain::EntryNotFound)
            emit loaded(serverKey, QString());
        else if (keychainMissing(done->error()))
            emit unavailable(fallbackMessage(done->errorString()));
    });
    job->start();
}

void TokenVault::remove(const QString& serverKey)
{
    auto* job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(serverKey);
    connect(job, &QKeychain::Job::finished, this, [this, serverKey](QKeychain::Job* done) {
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound)
            emit removed(serverKey);
        else
            emit unavailable(fallbackMessage(done->errorString()));
    });
    job->start();
}

} // namespace builder::client
