// The offline cache on a real SQLite file: what was stored is read back after
// reopening, events stay unique per sequence, drafts round-trip.
#include "cache/OfflineCache.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using builder::cache::OfflineCache;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

class TestStudioOfflineCache : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void draftsAndMissing();
};

void TestStudioOfflineCache::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("cache.sqlite");
    {
        OfflineCache cache(path);
        fv1::FeatureExecution e;
        e.set_id("exec-1");
        e.mutable_spec()->set_title("Cached");
        e.mutable_updated_at()->set_seconds(100);
        cache.putExecutions({e});
        std::vector<fv1::FeatureEvent> events(3);
        for (int i = 0; i < 3; ++i) {
            events[static_cast<std::size_t>(i)].set_sequence_number(static_cast<quint64>(i + 1));
            events[static_cast<std::size_t>(i)].set_type("feature.created");
        }
        cache.putEvents("exec-1", events);
        cache.putEvents("exec-1", {events[2]}); // the same event again: kept once
        rv1::GetDiffResponse diff;
        diff.set_head_sha("abc");
        diff.add_files()->set_path("a.txt");
        cache.putDiff("exec-1", diff);
    } // destruction finishes the queued writes
    OfflineCache reopened(path);
    QObject guard;
    std::vector<fv1::FeatureExecution> executions;
    std::vector<fv1::FeatureEvent> events;
    std::optional<rv1::GetDiffResponse> diff;
    int answers = 0;
    reopened.executions(&guard, [&](auto list) {
        executions = std::move(list);
        ++answers;
    });
    reopened.events("exec-1", &guard, [&](auto list) {
        events = std::move(list);
        ++answers;
    });
    reopened.diff("exec-1", &guard, [&](auto d) {
        diff = std::move(d);
        ++answers;
    });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 10000);
    QCOMPARE(executions.size(), std::size_t(1));
    QCOMPARE(executions[0].spec().title(), std::string("Cached"));
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events.back().sequence_number(), quint64(3));
    QVERIFY(diff.has_value());
    QCOMPARE(diff->files(0).path(), std::string("a.txt"));
}

void TestStudioOfflineCache::draftsAndMissing()
{
    QTemporaryDir dir;
    OfflineCache cache(dir.filePath("c.sqlite"));
    QObject guard;
    cache.putDraft("new-feature", "{\"title\":\"x\"}");
    QByteArray draft;
    bool read = false;
    cache.draft("new-feature", &guard, [&](QByteArray data) {
        draft = data;
        read = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, 10000);
    QCOMPARE(draft, QByteArray("{\"title\":\"x\"}"));
    cache.removeDraft("new-feature");
    read = false;
    cache.draft("new-feature", &guard, [&](QByteArray data) {
        draft = data;
        read = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, 10000);
    QVERIFY(draft.isEmpty());
    // A reply for a guard that died is dropped, never delivered.
    bool delivered = false;
    {
        QObject shortLived;
        cache.diff("none", &shortLived, [&](auto) { delivered = true; });
    }
    bool flushed = false;
    cache.flush(&guard, [&] { flushed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(flushed, 10000);
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(TestStudioOfflineCache)
#include "test_studio_offline_cache.moc"
