// BM25F ranking on a small fixture (the right file first, boosts that matter),
// determinism, the excerpt budget, and the facade's errors.
#include "LocalizeFixture.h"

#include "localize/Bm25Params.h"
#include "localize/ExcerptSelector.h"
#include "localize/FileScanner.h"
#include "localize/Localizer.h"
#include "localize/Query.h"
#include "localize/Ranker.h"
#include "localize/TokenEstimator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace builder;
using namespace builder::localize;

class TestLocalizeRanking : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rightFileFirst();
    void boostsMatter();
    void identifierInSpecMatchesSymbolExactly();
    void deterministic();
    void tiesBrokenByPath();
    void excerptBudget_data();
    void excerptBudget();
    void excerptsAroundMatches();
    void errors_data();
    void errors();

private:
    LocalizeRequest request(const std::string& query) const;
    Ranking rankWith(const std::string& query, const Bm25Params& params) const;

    QTemporaryDir m_dir;
};

void TestLocalizeRanking::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(LocalizeFixture::writeServiceTree(m_dir.path()));
}

LocalizeRequest TestLocalizeRanking::request(const std::string& query) const
{
    LocalizeRequest r;
    r.root = m_dir.path().toStdString();
    r.query = query;
    r.symbols = SymbolSource::Builtin;
    return r;
}

Ranking TestLocalizeRanking::rankWith(const std::string& text, const Bm25Params& params) const
{
    auto map = RepositoryMap::build(m_dir.path().toStdString());
    const Query query = Query::parse(text);
    ScanOptions options;
    options.symbols = SymbolSource::Builtin;
    auto scan = FileScanner::scan(*map, query, options);
    return Ranker::rank(*map, *scan, query, 10, params);
}

void TestLocalizeRanking::rightFileFirst()
{
    auto result = Localizer::localize(request("Add per-client rate limiting: limit the rate of "
                                              "requests and refill tokens over time"));
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
    const auto& files = result->ranking.files;
    QVERIFY(files.size() >= 3);
    QVERIFY2(files[0].path.rfind("gateway/RateLimiter", 0) == 0, files[0].path.c_str());
    QVERIFY2(files[1].path.rfind("gateway/RateLimiter", 0) == 0, files[1].path.c_str());
    // The changelog says "rate" and "limit" most often, yet is about something else.
    for (std::size_t i = 0; i < 2; ++i)
        QVERIFY(files[i].path != "docs/changelog.md");
    QCOMPARE(result->ranking.totalFiles, std::size_t{6});
    QCOMPARE(result->ranking.indexedFiles, std::size_t{6});
    QVERIFY(result->ranking.elapsedMs > 0.0);
    const auto& terms = files[0].matchedTerms;
    QVERIFY(std::find(terms.begin(), terms.end(), "rate") != terms.end());
    QVERIFY(std::find(terms.begin(), terms.end(), "refill") != terms.end());
    bool sawRefill = false;
    for (const auto& symbol : files[0].matchedSymbols)
        sawRefill = sawRefill || symbol.name == "refillTokens";
    QVERIFY(sawRefill);
    for (std::size_t i = 1; i < files.size(); ++i)
        QVERIFY(files[i - 1].score >= files[i].score);
}

void TestLocalizeRanking::boostsMatter()
{
    // With contents alone, the changelog's many "rate"/"limit" win; the path and
    // symbol boosts put the RateLimiter files first.
    const std::string query = "rate";
    Bm25Params contentOnly;
    contentOnly.weight[kPathField] = 0.0;
    contentOnly.weight[kSymbolField] = 0.0;
    const Ranking flat = rankWith(query, contentOnly);
    QVERIFY(!flat.files.empty());
    QCOMPARE(QString::fromStdString(flat.files[0].path), QString("docs/changelog.md"));
    const Ranking boosted = rankWith(query, Bm25Params{});
    QVERIFY(boosted.files[0].path.rfind("gateway/RateLimiter", 0) == 0);
}

void TestLocalizeRanking::identifierInSpecMatchesSymbolExactly()
{
    // "allowRequest" yields the compound "allowrequest", found only in the symbols
    // of the two RateLimiter files.
    auto result = Localizer::localize(request("change allowRequest"));
    QVERIFY(result.ok());
    QVERIFY(result->ranking.files.size() >= 2);
    QVERIFY(result->ranking.files[0].path.rfind("gateway/RateLimiter", 0) == 0);
    const auto& matched = result->ranking.files[0].matchedSymbols;
    QVERIFY(!matched.empty());
    QCOMPARE(QString::fromStdString(matched[0].name), QString("allowRequest"));
}

void TestLocalizeRanking::deterministic()
{
    const auto first = Localizer::localize(request("rate limiting tokens client requests"));
    QVERIFY(first.ok());
    for (int run = 0; run < 3; ++run) {
        LocalizeRequest r = request("rate limiting tokens client requests");
        r.threads = static_cast<unsigned>(run + 1); // any thread count, same answer
        const auto again = Localizer::localize(r);
        QVERIFY(again.ok());
        QCOMPARE(again->ranking.files.size(), first->ranking.files.size());
        for (std::size_t i = 0; i < first->ranking.files.size(); ++i) {
            QCOMPARE(again->ranking.files[i].path, first->ranking.files[i].path);
            QCOMPARE(again->ranking.files[i].score, first->ranking.files[i].score);
            QCOMPARE(again->ranking.files[i].matchedTerms, first->ranking.files[i].matchedTerms);
        }
        QCOMPARE(again->excerpts.tokensUsed, first->excerpts.tokensUsed);
    }
}

void TestLocalizeRanking::tiesBrokenByPath()
{
    QTemporaryDir dir;
    for (const char* name : {"c.txt", "a.txt", "b.txt"})
        QVERIFY(LocalizeFixture::write(dir.path(), name, "same words in every file\n"));
    LocalizeRequest r;
    r.root = dir.path().toStdString();
    r.query = "words";
    const auto result = Localizer::localize(r);
    QVERIFY(result.ok());
    QCOMPARE(result->ranking.files.size(), std::size_t{3});
    QCOMPARE(QString::fromStdString(result->ranking.files[0].path), QString("a.txt"));
    QCOMPARE(QString::fromStdString(result->ranking.files[1].path), QString("b.txt"));
    QCOMPARE(QString::fromStdString(result->ranking.files[2].path), QString("c.txt"));
    QCOMPARE(result->ranking.files[0].score, result->ranking.files[2].score);
}

void TestLocalizeRanking::excerptBudget_data()
{
    QTest::addColumn<int>("budget");
    for (int budget : {0, 5, 20, 40, 80, 150, 400, 5000})
        QTest::addRow("%d tokens", budget) << budget;
}

void TestLocalizeRanking::excerptBudget()
{
    QFETCH(int, budget);
    LocalizeRequest r = request("rate limiting refill tokens client requests route invoice");
    r.tokenBudget = static_cast<std::uint64_t>(budget);
    const auto result = Localizer::localize(r);
    QVERIFY(result.ok());
    const ExcerptSet& set = result->excerpts;
    std::uint64_t sum = 0;
    for (const auto& excerpt : set.excerpts) {
        const std::uint64_t actual = TokenEstimator::estimate(excerpt.text) +
                                     TokenEstimator::estimate(ExcerptSelector::header(
                                         excerpt.path, excerpt.startLine, excerpt.endLine));
        QCOMPARE(excerpt.tokens, actual);
        QVERIFY(excerpt.startLine >= 1 && excerpt.endLine >= excerpt.startLine);
        sum += excerpt.tokens;
    }
    QCOMPARE(set.tokensUsed, sum);
    QVERIFY2(set.tokensUsed <= static_cast<std::uint64_t>(budget),
             qPrintable(QString("%1 > %2").arg(set.tokensUsed).arg(budget)));
    if (budget == 0)
        QVERIFY(set.excerpts.empty());
    if (budget >= 5000)
        QCOMPARE(set.filesShown, result->ranking.files.size());
    QCOMPARE(set.costs.size(), result->ranking.files.size());
    for (std::size_t i = 0; i < set.costs.size(); ++i)
        QVERIFY(set.costs[i].fileTokens > 0 &&
                set.costs[i].excerptTokens <= set.costs[i].fileTokens + 8);
}

void TestLocalizeRanking::excerptsAroundMatches()
{
    LocalizeRequest r = request("refillTokens");
    r.topK = 1;
    const auto result = Localizer::localize(r);
    QVERIFY(result.ok());
    QCOMPARE(result->ranking.files.size(), std::size_t{1});
    QVERIFY(!result->excerpts.excerpts.empty());
    bool covered = false;
    for (const auto& excerpt : result->excerpts.excerpts) {
        QCOMPARE(excerpt.path, result->ranking.files[0].path);
        covered = covered || excerpt.text.find("refillTokens") != std::string::npos;
    }
    QVERIFY(covered);
    QVERIFY(result->ranking.files[0].fileTokens > 0);
}

void TestLocalizeRanking::errors_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("topK");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");

    const QString root = "<fixture>";
    QTest::newRow("empty query") << root << "   \n" << 10 << 3 << "query";
    QTest::newRow("stop words only") << root << "the and of it" << 10 << 3 << "query";
    QTest::newRow("empty root") << ""
                                << "rate" << 10 << 3 << "root";
    QTest::newRow("top k zero") << root << "rate" << 0 << 3 << "top_k";
    QTest::newRow("top k too large") << root << "rate" << 5000 << 3 << "top_k";
    QTest::newRow("missing root") << "/nonexistent/localize"
                                  << "rate" << 10 << 5 << "";
}

void TestLocalizeRanking::errors()
{
    QFETCH(QString, root);
    QFETCH(QString, query);
    QFETCH(int, topK);
    QFETCH(int, code);
    QFETCH(QString, field);
    LocalizeRequest r = request(query.toStdString());
    r.root = root == "<fixture>" ? m_dir.path().toStdString() : root.toStdString();
    r.topK = static_cast<std::size_t>(topK);
    const auto result = Localizer::localize(r);
    QVERIFY(!result.ok());
    QCOMPARE(static_cast<int>(result.error().code()), code);
    if (!field.isEmpty()) {
        QCOMPARE(result.error().violations().size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(result.error().violations()[0].fieldPath), field);
    }
}

QTEST_GUILESS_MAIN(TestLocalizeRanking)
#include "test_localize_ranking.moc"
