#include "JournaledProvider.h"

#include "core/EventRecorder.h"
#include "store/Database.h"
#include "store/ExecutionRuntimeStore.h"
#include "store/JournalKeys.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace builder::pipeline {

namespace {

std::string money(double usd)
{
    char text[32];
    std::snprintf(text, sizeof text, "$%.4f", usd);
    return text;
}

} // namespace

JournaledProvider::JournaledProvider(std::shared_ptr<llm::Provider> inner, Journal& journal,
                                     std::string scope, double budgetUsd,
                                     std::function<common::Status()> stopCheck)
    : m_inner(std::move(inner)), m_journal(journal), m_scope(std::move(scope)),
      m_budgetUsd(budgetUsd), m_stopCheck(std::move(stopCheck))
{}

std::string JournaledProvider::name() const
{
    return m_inner->name();
}

std::string JournaledProvider::keyPrefix(const std::string& stage, const std::string& scope)
{
    return store::JournalKeys::llmPrefix(stage, scope);
}

std::string JournaledProvider::encode(const llm::CompletionResponse& r,
                                      const std::string& requestKey)
{
    QJsonObject o;
    o["provider"] = QString::fromStdString(r.provider);
    o["model"] = QString::fromStdString(r.model);
    o["text"] = QString::fromStdString(r.text);
    o["tokens_in"] = static_cast<double>(r.usage.input);
    o["tokens_out"] = static_cast<double>(r.usage.output);
    o["cost_usd"] = r.costUsd;
    o["latency_ms"] = static_cast<double>(r.latencyMs);
    o["attempts"] = r.attempts;
    o["stop_reason"] = QString::fromStdString(r.stopReason);
    o["truncated"] = r.truncated;
    o["request_key"] = QString::fromStdString(requestKey);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

std::optional<llm::CompletionResponse> JournaledProvider::decode(const std::string& text)
{
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    if (!doc.isObject())
        return std::nullopt;
    const auto o = doc.object();
    llm::CompletionResponse r;
    r.provider = o["provider"].toString().toStdString();
    r.model = o["model"].toString().toStdString();
    r.text = o["text"].toString().toStdString();
    r.usage.input = static_cast<std::int64_t>(o["tokens_in"].toDouble());
    r.usage.output = static_cast<std::int64_t>(o["tokens_out"].toDouble());
    r.costUsd = o["cost_usd"].toDouble();
    r.latencyMs = static_cast<std::int64_t>(o["latency_ms"].toDouble());
    r.attempts = o["attempts"].toInt(1);
    r.stopReason = o["stop_reason"].toString().toStdString();
    r.truncated = o["truncated"].toBool();
    return r;
}

common::Result<llm::CompletionResponse>
JournaledProvider::complete(const llm::CompletionRequest& request,
                            const common::CancelToken& cancel)
{
    const auto key = keyPrefix(request.stage, m_scope) + std::to_string(m_calls++);
    if (auto journaled = m_journal.get(key)) {
        if (auto response = decode(*journaled)) {
            ++m_replayed;
            return *response;
        }
        return common::Error::internal("journal entry " + key + " is unreadable");
    }
    if (auto reason = cancel.reason())
        return *reason;
    if (m_stopCheck)
        if (auto stop = m_stopCheck(); !stop.ok())
            return stop.error();

    auto& writer = m_journal.writer();
    auto spent = writer.db()->read([&](store::Connection& c) -> common::Result<std::int64_t> {
        return store::ExecutionRuntimeStore::usage(c, writer.executionId()).costMicros;
    });
    const double spentUsd = spent.ok() ? static_cast<double>(spent.value()) / 1e6 : 0.0;
    if (m_budgetUsd > 0 && spentUsd >= m_budgetUsd)
        return common::Error(common::StatusCode::ResourceExhausted,
                             "the LLM budget of " + money(m_budgetUsd) +
                                 " for this execution is used up (" + money(spentUsd) +
                                 " spent); raise the feature's budget_usd property or the "
                                 "server's pipeline.budget_usd to continue");

    auto response = m_inner->complete(request, cancel);
    if (!response.ok())
        return response.error();
    const auto& r = response.value();
    const auto costMicros = static_cast<std::int64_t>(std::llround(r.costUsd * 1e6));
    auto written = writer.write([&](store::Connection& c) -> common::Status {
        m_journal.put(c, key, encode(r, request.key()));
        store::ExecutionRuntimeStore::addUsage(c, writer.executionId(), r.usage.input,
                                               r.usage.output, costMicros);
        auto payload = core::EventRecorder::payload({{"provider", r.provider},
                                                     {"model", r.model},
                                                     {"stage", request.stage},
                                                     {"scope", m_scope},
                                                     {"cost_usd", money(r.costUsd)}});
        auto& fields = *payload.mutable_fields();
        fields["tokens_in"].set_number_value(static_cast<double>(r.usage.input));
        fields["tokens_out"].set_number_value(static_cast<double>(r.usage.output));
        fields["cost"].set_number_value(r.costUsd);
        fields["latency_ms"].set_number_value(static_cast<double>(r.latencyMs));
        fields["attempts"].set_number_value(r.attempts);
        fields["truncated"].set_bool_value(r.truncated);
        writer.event(c, "llm.call",
                     request.stage + " answered by " + r.provider + " " + r.model + ": " +
                         std::to_string(r.usage.input) + " tokens in, " +
                         std::to_string(r.usage.output) + " out, " + money(r.costUsd) + ", " +
                         std::to_string(r.latencyMs) + " ms",
                     payload);
        return {};
    });
    if (!written.ok())
        return written.error();
    return r;
}

} // namespace builder::pipeline
