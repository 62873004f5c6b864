#include "core/EventBus.h"

#include <QTest>

using builder::core::EventBus;
namespace fv1 = feature::feature::v1;

namespace {
fv1::FeatureEvent typed(const std::string& type)
{
    fv1::FeatureEvent e;
    e.set_type(type);
    return e;
}
} // namespace

// EventBus::subscribeAll, which the kill-switch rules and the webhook outbox use.
class TestEventBusAll : public QObject
{
    Q_OBJECT

private slots:
    void allListenersHearEveryExecution()
    {
        EventBus bus;
        std::vector<std::pair<std::string, std::string>> all;
        std::vector<std::string> one;
        auto everything = bus.subscribeAll([&](const std::string& id, const fv1::FeatureEvent& e) {
            all.emplace_back(id, e.type());
        });
        auto single =
            bus.subscribe("exec-a", [&](const fv1::FeatureEvent& e) { one.push_back(e.type()); });
        QCOMPARE(bus.listenerCount(), std::size_t(2));
        bus.publish("exec-a", typed("feature.created"));
        bus.publish("exec-b", typed("feature.failed"));
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(all[1].first), QStringLiteral("exec-b"));
        QCOMPARE(QString::fromStdString(all[1].second), QStringLiteral("feature.failed"));
        QCOMPARE(one.size(), std::size_t(1));

        everything.reset();
        QCOMPARE(bus.listenerCount(), std::size_t(1));
        bus.publish("exec-b", typed("feature.completed"));
        bus.publish("exec-a", typed("feature.completed"));
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(one.size(), std::size_t(2));
        single.reset();
        QCOMPARE(bus.listenerCount(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestEventBusAll)
#include "test_event_bus_all.moc"
