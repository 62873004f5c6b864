#include "BuilderdLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace builder::client {

QString BuilderdLocator::find()
{
    const QString fromEnv = qEnvironmentVariable(kOverrideVariable);
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QDir appDir(QCoreApplication::applicationDirPath());
    // Installed side by side, then the build tree (build/app/studio -> build/backend/daemon).
    const QStringList candidates = {appDir.filePath("builderd"),
                                    appDir.filePath("../../backend/daemon/builderd")};
    for (const QString& candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable("builderd");
}

} // namespace builder::client
