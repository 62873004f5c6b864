#pragma once

#include <QString>
#include <QStringList>

// Files and git repositories on disk for the localize tests.
class LocalizeFixture
{
public:
    // Writes `content` to root/relative, creating folders.
    static bool write(const QString& root, const QString& relative, const QByteArray& content);
    // Runs git in `dir` with a fixed identity and no global config; true on exit 0.
    static bool git(const QString& dir, const QStringList& args);
    // A small repository whose right answer for "rate limiting" queries is known:
    // gateway/RateLimiter.{h,cpp} implement it, others only mention some words.
    static bool writeServiceTree(const QString& root);
};
