#include "Cassette.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace builder::llm {

using common::Error;
using common::StatusCode;

namespace {

Error bad(const std::string& path, const std::string& what)
{
    return Error(StatusCode::FailedPrecondition, "cassette " + path + ": " + what);
}

} // namespace

common::Result<Cassette> Cassette::load(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return bad(path, "cannot be read (" + file.errorString().toStdString() + ")");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return bad(path, "is not a JSON object (" + parseError.errorString().toStdString() +
                             " at offset " + std::to_string(parseError.offset) + ")");
    const QJsonObject root = document.object();
    if (root.value("version").toInt() != kVersion)
        return bad(path, "version must be " + std::to_string(kVersion));
    if (!root.value("entries").isArray())
        return bad(path, "entries must be an array");

    static const QRegularExpression kKey(QStringLiteral("^[0-9a-f]{64}$"));
    Cassette out;
    const QJsonArray entries = root.value("entries").toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const std::string where = "entries[" + std::to_string(i) + "]";
        const QJsonObject json = entries.at(i).toObject();
        if (json.value("stage").toString().isEmpty())
            return bad(path, where + ".stage must be a non-empty string");
        if (!kKey.match(json.value("key").toString()).hasMatch())
            return bad(path, where + ".key must be 64 lower-case hex digits");
        if (!json.value("response").isString())
            return bad(path, where + ".response must be a string");
        Entry entry;
        entry.stage = json.value("stage").toString().toStdString();
        entry.key = json.value("key").toString().toStdString();
        entry.provider = json.value("provider").toString().toStdString();
        entry.model = json.value("model").toString().toStdString();
        entry.response = json.value("response").toString().toStdString();
        const QJsonObject usage = json.value("usage").toObject();
        entry.usage.input = usage.value("input").toInteger();
        entry.usage.output = usage.value("output").toInteger();
        entry.costUsd = json.value("costUsd").toDouble();
        entry.latencyMs = json.value("latencyMs").toInteger();
        out.m_entries.push_back(std::move(entry));
    }
    return out;
}

common::Result<Cassette> Cassette::loadOrEmpty(const std::string& path)
{
    if (!QFile::exists(QString::fromStdString(path)))
        return Cassette();
    return load(path);
}

common::Status Cassette::save(const std::string& path) const
{
    QJsonArray entries;
    for (const auto& entry : m_entries)
        entries.append(
            QJsonObject{{"stage", QString::fromStdString(entry.stage)},
                        {"key", QString::fromStdString(entry.key)},
                        {"provider", QString::fromStdString(entry.provider)},
                        {"model", QString::fromStdString(entry.model)},
                        {"response", QString::fromStdString(entry.response)},
                        {"usage", QJsonObject{{"input", static_cast<qint64>(entry.usage.input)},
                                              {"output", static_cast<qint64>(entry.usage.output)}}},
                        {"costUsd", entry.costUsd},
                        {"latencyMs", static_cast<qint64>(entry.latencyMs)}});
    const QJsonObject root{{"version", kVersion}, {"entries", entries}};

    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error(StatusCode::Internal, "cannot write cassette " + path + " (" +
                                               file.errorString().toStdString() + ")");
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error(StatusCode::Internal, "cannot write cassette " + path + " (" +
                                               file.errorString().toStdString() + ")");
    return {};
}

} // namespace builder::llm
