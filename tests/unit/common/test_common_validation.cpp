#include "ViolationTestSupport.h"

#include "common/CommonValidation.h"
#include "common/FieldRules.h"
#include "common/Utf8.h"

#include <QTest>

using builder::common::CommonValidation;
using builder::common::FieldRules;
using builder::common::Utf8;
namespace cv1 = feature::common::v1;

namespace {
Scenario pagination(int pageSize, std::size_t tokenLength = 0)
{
    return [=] {
        cv1::Pagination p;
        p.set_page_size(pageSize);
        p.set_page_token(std::string(tokenLength, 't'));
        return CommonValidation::validatePagination(p);
    };
}

Scenario properties(std::function<void(cv1::Properties&)> fill)
{
    return [=] {
        cv1::Properties p;
        fill(p);
        return CommonValidation::validateProperties(p, "spec.properties");
    };
}

void addEntries(cv1::Properties& p, int count)
{
    for (int i = 0; i < count; ++i)
        (*p.mutable_values())["key" + std::to_string(i)] = "v";
}
} // namespace

class TestCommonValidation : public QObject
{
    Q_OBJECT

private slots:
    void codePointCount_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("count");
        QTest::addRow("empty") << QByteArray("") << 0;
        QTest::addRow("ASCII") << QByteArray("hello") << 5;
        QTest::addRow("2-byte") << QByteArray("\xc3\xa9t\xc3\xa9") << 3;        // été
        QTest::addRow("3-byte") << QByteArray("\xe6\x97\xa5\xe6\x9c\xac") << 2; // 日本
        QTest::addRow("4-byte emoji") << QByteArray("\xf0\x9f\x9a\x80!") << 2;
        QTest::addRow("lone continuation byte") << QByteArray("a\x80"
                                                              "b")
                                                << 3;
        QTest::addRow("truncated sequence") << QByteArray("a\xe6\x97") << 3;
    }

    void codePointCount()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, count);
        QCOMPARE(Utf8::codePointCount(text.toStdString()), static_cast<std::size_t>(count));
    }

    void isBlank_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("blank");
        QTest::addRow("empty") << QByteArray("") << true;
        QTest::addRow("spaces and tabs") << QByteArray(" \t\r\n ") << true;
        QTest::addRow("no-break space") << QByteArray("\xc2\xa0") << true;
        QTest::addRow("ideographic space") << QByteArray("\xe3\x80\x80") << true;
        QTest::addRow("zero-width space") << QByteArray("\xe2\x80\x8b") << true;
        QTest::addRow("BOM") << QByteArray("\xef\xbb\xbf") << true;
        QTest::addRow("letter among spaces") << QByteArray("  x  ") << false;
        QTest::addRow("non-ASCII letter") << QByteArray("\xc3\xa9") << false;
    }

    void isBlank()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, blank);
        QCOMPARE(Utf8::isBlank(text.toStdString()), blank);
    }

    void rules_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QStringList>("expected");

        QTest::addRow("page_size -1")
            << pagination(-1) << QStringList{"pagination.page_size|int32.gte"};
        QTest::addRow("page_size 0 means default") << pagination(0) << QStringList{};
        QTest::addRow("page_size 1") << pagination(1) << QStringList{};
        QTest::addRow("page_size 100") << pagination(100) << QStringList{};
        QTest::addRow("page_size 101")
            << pagination(101) << QStringList{"pagination.page_size|int32.lte"};
        QTest::addRow("page_token 1024") << pagination(10, 1024) << QStringList{};
        QTest::addRow("page_token 1025")
            << pagination(10, 1025) << QStringList{"pagination.page_token|string.max_len"};
        QTest::addRow("page_size and page_token both bad")
            << pagination(101, 1025)
            << QStringList{"pagination.page_size|int32.lte",
                           "pagination.page_token|string.max_len"};

        QTest::addRow("no properties") << properties([](cv1::Properties&) {}) << QStringList{};
        QTest::addRow("64 entries")
            << properties([](cv1::Properties& p) { addEntries(p, 64); }) << QStringList{};
        QTest::addRow("65 entries") << properties([](cv1::Properties& p) { addEntries(p, 65); })
                                    << QStringList{"spec.properties.values|map.max_pairs"};
        QTest::addRow("empty key")
            << properties([](cv1::Properties& p) { (*p.mutable_values())[""] = "v"; })
            << QStringList{"spec.properties.values[\"\"]|string.min_len"};
        QTest::addRow("1-char key")
            << properties([](cv1::Properties& p) { (*p.mutable_values())["k"] = "v"; })
            << QStringList{};
        QTest::addRow("128-char key")
            << properties([](cv1::Properties& p) { (*p.mutable_values())[std::string(128, 'k')]; })
            << QStringList{};
        QTest::addRow("129-char key")
            << properties([](cv1::Properties& p) { (*p.mutable_values())[std::string(129, 'k')]; })
            << QStringList{"spec.properties.values[\"" + QString(129, 'k') + "\"]|string.max_len"};
        QTest::addRow("128 multibyte key") << properties([](cv1::Properties& p) {
            (*p.mutable_values())[repeat("\xc3\xa9", 128)];
        }) << QStringList{};
        QTest::addRow("empty value")
            << properties([](cv1::Properties& p) { (*p.mutable_values())["k"] = ""; })
            << QStringList{};
        QTest::addRow("4096-char value") << properties([](cv1::Properties& p) {
            (*p.mutable_values())["k"] = std::string(4096, 'v');
        }) << QStringList{};
        QTest::addRow("4097-char value") << properties([](cv1::Properties& p) {
            (*p.mutable_values())["k"] = std::string(4097, 'v');
        }) << QStringList{"spec.properties.values[\"k\"]|string.max_len"};
        QTest::addRow("every bad entry, ordered by key")
            << properties([](cv1::Properties& p) {
                   addEntries(p, 64);
                   (*p.mutable_values())["b"] = std::string(4097, 'v');
                   (*p.mutable_values())[""] = "v";
               })
            << QStringList{"spec.properties.values|map.max_pairs",
                           "spec.properties.values[\"\"]|string.min_len",
                           "spec.properties.values[\"b\"]|string.max_len"};
    }

    void rules()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(scenario()), expected);
    }

    void messagesNameTheLimit()
    {
        cv1::Pagination p;
        p.set_page_size(101);
        const auto size = CommonValidation::validatePagination(p);
        QCOMPARE(size.size(), std::size_t{1});
        QCOMPARE(
            size[0].message,
            std::string("value must be less than or equal to 100 (or 0 for the server default)"));

        cv1::Properties props;
        (*props.mutable_values())[std::string(129, 'k')] = std::string(4097, 'v');
        const auto entry = CommonValidation::validateProperties(props);
        QCOMPARE(entry.size(), std::size_t{2});
        QCOMPARE(entry[0].message, std::string("key length must be at most 128 characters"));
        QCOMPARE(entry[1].message, std::string("value length must be at most 4096 characters"));
    }

    void keyedPathEscapesQuotes()
    {
        QCOMPARE(FieldRules::keyed("properties.values", "a\"b\\c"),
                 std::string("properties.values[\"a\\\"b\\\\c\"]"));
        QCOMPARE(FieldRules::indexed("spec.constraints.allowed_paths", 2),
                 std::string("spec.constraints.allowed_paths[2]"));
        QCOMPARE(FieldRules::join("", "id"), std::string("id"));
        QCOMPARE(FieldRules::join("spec", "title"), std::string("spec.title"));
    }
};

QTEST_GUILESS_MAIN(TestCommonValidation)
#include "test_common_validation.moc"
