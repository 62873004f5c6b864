// Configuration from the config file and the environment, the chain the factory builds,
// prices, and the messages when something is missing.
#include "LlmTestSupport.h"

#include "llm/FallbackChain.h"
#include "llm/ProviderConfig.h"
#include "llm/ProviderFactory.h"
#include "llm/RecordingProvider.h"

#include <QTemporaryDir>
#include <QTest>

using namespace builder;
using namespace builder::llm;
using namespace builder::llm::test;
using common::StatusCode;
using Map = std::map<std::string, std::string>;

class TestLlmConfig : public QObject
{
    Q_OBJECT

private slots:
    void environmentNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("anthropic key") << "ANTHROPIC_API_KEY"
                                       << "anthropic.api_key";
        QTest::newRow("openai url") << "OPENAI_BASE_URL"
                                    << "openai.base_url";
        QTest::newRow("compatible url") << "OPENAI_COMPATIBLE_BASE_URL"
                                        << "openai_compatible.base_url";
        QTest::newRow("compatible model") << "OPENAI_COMPATIBLE_MODEL"
                                          << "openai_compatible.model";
        QTest::newRow("gemini stage model") << "GEMINI_MODEL_REVIEW"
                                            << "gemini.model.review";
        QTest::newRow("chain") << "BUILDER_LLM_PROVIDERS"
                               << "llm.providers";
        QTest::newRow("stage model") << "BUILDER_LLM_MODEL_GENERATE_CODE"
                                     << "llm.model.generate_code";
        QTest::newRow("timeout") << "BUILDER_LLM_TIMEOUT_SECONDS"
                                 << "llm.timeout_seconds";
        QTest::newRow("replay") << "BUILDER_LLM_REPLAY"
                                << "llm.replay";
        QTest::newRow("unrelated") << "OPENAI_ORG_ID"
                                   << "";
        QTest::newRow("path") << "PATH"
                              << "";
    }
    void environmentNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, key);
        QCOMPARE(QString::fromStdString(ProviderConfig::keyForEnvironment(name.toStdString())),
                 key);
    }

    void fileAndEnvironmentWithEnvironmentWinning()
    {
        const Map file = {{"anthropic.api_key", "file-key"},
                          {"anthropic.base_url", "http://127.0.0.1:9/"},
                          {"llm.max_attempts", "2"},
                          {"llm.timeout_seconds", "30"},
                          {"llm.model.review", "claude-opus-4-1"},
                          {"llm.price.my-model", "1.5, 3"},
                          {"grpc_listen", "ignored: not an LLM setting"}};
        const Map env = {{"ANTHROPIC_API_KEY", "env-key"},
                         {"BUILDER_LLM_MAX_ATTEMPTS", "5"},
                         {"GEMINI_API_KEY", ""},
                         {"HOME", "/root"}};
        auto config = ProviderConfig::parse(file, env);
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
        QCOMPARE(config->vendors.at("anthropic").apiKey, std::string("env-key"));
        QCOMPARE(config->vendors.at("anthropic").baseUrl, std::string("http://127.0.0.1:9/"));
        QCOMPARE(config->maxAttempts, 5);
        QCOMPARE(config->timeoutSeconds, 30);
        QCOMPARE(config->stageModels.at("review"), std::string("claude-opus-4-1"));
        QCOMPARE(config->priceOverrides.at("my-model"), (PriceTable::Price{1.5, 3.0}));
        QCOMPARE(config->chain(),
                 std::vector<std::string>{"anthropic"}); // empty Gemini key = unset
    }

    void badSettingsNameTheSettingAndRule_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("fromEnv");
        QTest::addColumn<QString>("expected");
        QTest::newRow("attempts") << "llm.max_attempts"
                                  << "many" << false << "config llm.max_attempts must be";
        QTest::newRow("attempts env") << "BUILDER_LLM_MAX_ATTEMPTS"
                                      << "0" << true << "BUILDER_LLM_MAX_ATTEMPTS must be";
        QTest::newRow("timeout") << "llm.timeout_seconds"
                                 << "99999" << false << "from 1 to 3600";
        QTest::newRow("unknown key") << "llm.colour"
                                     << "blue" << false << "unknown LLM setting config llm.colour";
        QTest::newRow("unknown env") << "BUILDER_LLM_COLOUR"
                                     << "blue" << true << "unknown LLM setting BUILDER_LLM_COLOUR";
        QTest::newRow("stage") << "llm.model.generate_cod"
                               << "x" << false << "unknown stage";
        QTest::newRow("provider") << "llm.providers"
                                  << "anthropic,mistral" << false << "unknown provider";
        QTest::newRow("twice") << "llm.providers"
                               << "openai,openai" << false << "twice";
        QTest::newRow("url") << "openai.base_url"
                             << "ftp://x" << false << "http:// or https://";
        QTest::newRow("price") << "llm.price.gpt-4.1"
                               << "-1,2" << false << "per million tokens";
        QTest::newRow("format") << "openai_compatible.response_format"
                                << "xml" << false << "json_schema, json_object or none";
        QTest::newRow("format elsewhere") << "openai.response_format"
                                          << "json_object" << false << "unknown LLM setting";
    }
    void badSettingsNameTheSettingAndRule()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, fromEnv);
        QFETCH(QString, expected);
        const Map one = {{key.toStdString(), value.toStdString()}};
        auto config = fromEnv ? ProviderConfig::parse({}, one) : ProviderConfig::parse(one, {});
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code(), StatusCode::FailedPrecondition);
        QVERIFY2(QString::fromStdString(config.error().message()).contains(expected),
                 config.error().message().c_str());
    }

    void replayAndRecordExcludeEachOther()
    {
        auto config = ProviderConfig::parse({{"llm.replay", "/a"}, {"llm.record", "/b"}}, {});
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code(), StatusCode::FailedPrecondition);
    }

    void nothingConfiguredNamesTheSettings()
    {
        auto config = ProviderConfig::parse({}, {{"HOME", "/root"}});
        QVERIFY(config.ok());
        auto provider = ProviderFactory::create(*config);
        QVERIFY(!provider.ok());
        QCOMPARE(provider.error().code(), StatusCode::FailedPrecondition);
        for (const char* setting : {"ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY",
                                    "OPENAI_COMPATIBLE_BASE_URL", "llm.replay"})
            QVERIFY2(provider.error().message().find(setting) != std::string::npos, setting);

        // builderd still gets a provider; every call says what to configure.
        auto failing = ProviderFactory::fromSettings({}, {});
        auto answer = failing->complete(simpleRequest(), {});
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code(), StatusCode::FailedPrecondition);
        QCOMPARE(answer.error().message(), ProviderFactory::nothingConfiguredMessage());
    }

    void listedButUnconfiguredProvider()
    {
        auto config = ProviderConfig::parse(
            {}, {{"BUILDER_LLM_PROVIDERS", "anthropic,gemini"}, {"ANTHROPIC_API_KEY", kKey}});
        QVERIFY(config.ok());
        auto provider = ProviderFactory::create(*config);
        QVERIFY(!provider.ok());
        QCOMPARE(provider.error().code(), StatusCode::FailedPrecondition);
        QVERIFY(provider.error().message().find("GEMINI_API_KEY or gemini.api_key") !=
                std::string::npos);
        QVERIFY(provider.error().message().find(kKey) == std::string::npos);
    }

    void chainOrderAndModels()
    {
        const Map env = {{"OPENAI_API_KEY", "o"},
                         {"ANTHROPIC_API_KEY", "a"},
                         {"OPENAI_COMPATIBLE_BASE_URL", "http://127.0.0.1:11434/v1"},
                         {"OPENAI_COMPATIBLE_MODEL", "qwen2.5-coder:7b"},
                         {"BUILDER_LLM_MODEL_GENERATE_CODE", "special-model"},
                         {"OPENAI_MODEL_REVIEW", "o3"}};
        auto config = ProviderConfig::parse({}, env);
        QVERIFY(config.ok());
        QCOMPARE(config->chain(),
                 (std::vector<std::string>{"anthropic", "openai", "openai-compatible"}));

        auto explicitOrder = ProviderConfig::parse({{"llm.providers", "openai, anthropic"}}, env);
        QVERIFY(explicitOrder.ok());
        QCOMPARE(explicitOrder->chain(), (std::vector<std::string>{"openai", "anthropic"}));
        auto provider = ProviderFactory::create(*explicitOrder);
        QVERIFY(provider.ok());
        QCOMPARE((*provider)->name(), std::string("openai>anthropic"));
        QVERIFY(dynamic_cast<FallbackChain*>(provider->get()) != nullptr);

        // llm.model.<stage> applies to the first provider only; defaults elsewhere.
        auto openai = ProviderFactory::endpoint(*explicitOrder, "openai", true);
        auto anthropic = ProviderFactory::endpoint(*explicitOrder, "anthropic", false);
        QVERIFY(openai.ok() && anthropic.ok());
        QCOMPARE(openai->modelFor("generate_code"), std::string("special-model"));
        QCOMPARE(openai->modelFor("review"), std::string("o3"));
        QCOMPARE(openai->modelFor("normalize_spec"), std::string("gpt-4.1-mini"));
        QCOMPARE(anthropic->modelFor("generate_code"), std::string("claude-sonnet-4-5"));
        QCOMPARE(anthropic->modelFor("analyze_impact"), std::string("claude-haiku-4-5"));
        QCOMPARE(anthropic->baseUrl, std::string("https://api.anthropic.com"));
        QCOMPARE(openai->retry.maxAttempts, 4);
        QCOMPARE(openai->timeout, std::chrono::milliseconds(300000));

        auto compatible = ProviderFactory::endpoint(*config, "openai-compatible", false);
        QVERIFY(compatible.ok());
        QCOMPARE(compatible->modelFor("review"), std::string("qwen2.5-coder:7b"));
        QCOMPARE(compatible->apiKey, std::string());
    }

    void compatibleWithoutModelIsRefused()
    {
        auto config =
            ProviderConfig::parse({{"openai_compatible.base_url", "http://127.0.0.1:8080"}}, {});
        QVERIFY(config.ok());
        auto provider = ProviderFactory::create(*config);
        QVERIFY(!provider.ok());
        QCOMPARE(provider.error().code(), StatusCode::FailedPrecondition);
        QVERIFY(provider.error().message().find("OPENAI_COMPATIBLE_MODEL") != std::string::npos);
    }

    void prices()
    {
        const PriceTable table = PriceTable::builtin();
        QVERIFY(table.find("anthropic", "claude-sonnet-4-5-20250929").has_value());
        QCOMPARE(table.find("openai", "gpt-4o-mini-2024-07-18")->inputPerMillion, 0.15);
        QCOMPARE(table.find("openai", "gpt-4o-2024-08-06")->inputPerMillion, 2.50);
        QCOMPARE(table.find("gemini", "models/gemini-2.5-flash-lite")->outputPerMillion, 0.40);
        QVERIFY(!table.find("anthropic", "claude-opus-4-7").has_value()); // unknown: no guess
        QVERIFY(!table.find("openai-compatible", "gpt-4.1").has_value()); // local: free
        QCOMPARE(table.cost("openai", "mystery-model", {1000000, 1000000}), 0.0);
        QCOMPARE(table.cost("openai", "gpt-4.1", {1000000, 1000000}), 10.0);

        auto config = ProviderConfig::parse({{"anthropic.api_key", "k"},
                                             {"llm.price.claude-sonnet-4-5", "1,2"},
                                             {"llm.price.qwen", "0.5,0.5"}},
                                            {});
        QVERIFY(config.ok());
        auto endpoint = ProviderFactory::endpoint(*config, "anthropic", true);
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint->prices->cost("anthropic", "claude-sonnet-4-5", {1000000, 1000000}), 3.0);
        QCOMPARE(endpoint->prices->cost("openai-compatible", "qwen", {2000000, 0}), 1.0);
    }

    // The factory's provider reaches the fake vendor through ANTHROPIC_BASE_URL, records, and
    // a replay configuration answers from the recording.
    void factoryEndToEnd()
    {
        QTemporaryDir dir;
        const std::string cassette = dir.filePath("c.json").toStdString();
        fakes::FakeLlmServer server;
        server.setApiKey(kKey);
        QVERIFY(server.start());
        server.enqueue(fakes::FakeReply::answer("live answer"));
        const Map env = {{"ANTHROPIC_API_KEY", kKey},
                         {"ANTHROPIC_BASE_URL", server.baseUrl()},
                         {"BUILDER_LLM_RECORD", cassette}};
        auto live = ProviderFactory::fromSettings({}, env);
        QVERIFY(dynamic_cast<RecordingProvider*>(live.get()) != nullptr);
        auto answer = live->complete(simpleRequest(), {});
        QVERIFY2(answer.ok(), answer.ok() ? "" : answer.error().message().c_str());
        QCOMPARE(answer->provider, std::string("anthropic"));
        server.stop();

        auto replay = ProviderFactory::fromSettings({{"llm.replay", cassette}}, {});
        QCOMPARE(replay->name(), std::string("replay"));
        auto again = replay->complete(simpleRequest(), {});
        QVERIFY(again.ok());
        QCOMPARE(again->text, std::string("live answer"));
    }
};

QTEST_GUILESS_MAIN(TestLlmConfig)
#include "test_llm_config.moc"
