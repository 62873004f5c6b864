#include "RepoGenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <random>

namespace builder::bench {

namespace {

constexpr double kLogMeanBytes = 8.0; // e^8 ~ 3 KB median
constexpr double kLogSigma = 1.0;
constexpr std::size_t kMinBytes = 80;
constexpr std::size_t kMaxBytes = 200 * 1024;

} // namespace

QString RepoGenerator::pathFor(int index)
{
    // 8 top modules x 6 x 4 folders, 1 to 4 levels deep depending on the index.
    const int depth = 1 + index % 4;
    QString path = QString("src/module%1").arg(index % 8);
    if (depth > 1) {
        path += QString("/part%1").arg((index / 8) % 6);
    }
    if (depth > 2) {
        path += QString("/unit%1").arg((index / 48) % 4);
    }
    if (depth > 3) {
        path += "/detail";
    }
    const char* extension = index % 5 == 0 ? ".h" : (index % 11 == 0 ? ".md" : ".cpp");
    return path + QString("/file%1").arg(index, 5, 10, QChar('0')) + extension;
}

namespace {

QByteArray contentFor(int index, std::size_t size, std::mt19937& random)
{
    std::uniform_int_distribution<int> values(0, 99999);
    QByteArray text = "// generated file " + QByteArray::number(index) + "\n";
    while (std::size_t(text.size()) < size) {
        text += "int value_" + QByteArray::number(values(random)) + " = compute(" +
                QByteArray::number(values(random)) + ", state_" +
                QByteArray::number(values(random) % 97) + ");\n";
    }
    return text;
}

} // namespace

bool RepoGenerator::generate(const QString& workDir, const QString& bareDir, int fileCount,
                             Stats& stats)
{
    std::mt19937 random(m_seed);
    std::lognormal_distribution<double> sizes(kLogMeanBytes, kLogSigma);
    for (int i = 0; i < fileCount; ++i) {
        const std::size_t size =
            std::clamp(static_cast<std::size_t>(sizes(random)), kMinBytes, kMaxBytes);
        const QString path = workDir + "/" + pathFor(i);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        const QByteArray content = contentFor(i, size, random);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            return false;
        }
        ++stats.files;
        stats.bytes += std::uint64_t(content.size());
    }
    QFile ignore(workDir + "/.gitignore");
    if (!ignore.open(QIODevice::WriteOnly) || ignore.write("build/\n*.o\n") < 0) {
        return false;
    }
    ignore.close();
    return m_git.run({"init", "--quiet", "--initial-branch=main", workDir}) &&
           m_git.run({"-C", workDir, "add", "--all"}) &&
           m_git.run({"-C", workDir, "commit", "--quiet", "-m", "generated tree"}) &&
           m_git.run({"init", "--quiet", "--bare", "--initial-branch=main", bareDir}) &&
           m_git.run({"-C", workDir, "push", "--quiet", bareDir, "main"});
}

} // namespace builder::bench
