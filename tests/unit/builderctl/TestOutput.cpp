#include "TestBuilderCtl.h"

#include "builderctl/FeatureView.h"
#include "builderctl/FieldList.h"
#include "builderctl/PageInfo.h"
#include "builderctl/Printer.h"
#include "builderctl/RepoView.h"
#include "builderctl/Table.h"
#include "builderctl/TextWidth.h"
#include "builderctl/TimeText.h"
#include "feature/repository/v1/repository.pb.h"

#include <QTest>

using namespace builder::ctl;

namespace {

using Rows = QList<QStringList>;

std::vector<std::string> cells(const QStringList& list)
{
    std::vector<std::string> out;
    for (const auto& item : list)
        out.push_back(item.toStdString());
    return out;
}

// True when every byte sequence is valid UTF-8 (a cut inside a character is not).
bool validUtf8(const std::string& text)
{
    return !QString::fromUtf8(text.data(), static_cast<int>(text.size())).contains(QChar(0xFFFD));
}

} // namespace

void TestBuilderCtl::textWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("columns");

    QTest::newRow("ascii") << "abc" << 3;
    QTest::newRow("empty") << "" << 0;
    QTest::newRow("precomposed accent") << QString::fromUtf8("h\u00e9llo") << 5;
    QTest::newRow("combining accent") << QString::fromUtf8("he\u0301llo") << 5;
    QTest::newRow("cjk") << QString::fromUtf8("\u65e5\u672c\u8a9e") << 6;
    QTest::newRow("hangul") << QString::fromUtf8("\ud55c\uae00") << 4;
    QTest::newRow("emoji") << QString::fromUtf8("\U0001F680 go") << 5;
    QTest::newRow("fullwidth") << QString::fromUtf8("\uff21\uff22") << 4;
}

void TestBuilderCtl::textWidth()
{
    QFETCH(QString, text);
    QFETCH(int, columns);
    QCOMPARE(TextWidth::columns(text.toStdString()), columns);
}

void TestBuilderCtl::truncate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxColumns");
    QTest::addColumn<QString>("expected");

    QTest::newRow("fits") << "short" << 10 << "short";
    QTest::newRow("exact") << "12345" << 5 << "12345";
    QTest::newRow("cut") << "hello world" << 5 << QString::fromUtf8("hell\u2026");
    QTest::newRow("wide cut even") << QString::fromUtf8("\u65e5\u672c\u8a9e\u30c6\u30ad") << 5
                                   << QString::fromUtf8("\u65e5\u672c\u2026");
    QTest::newRow("wide cut odd") << QString::fromUtf8("\u65e5\u672c\u8a9e") << 4
                                  << QString::fromUtf8("\u65e5\u2026");
    QTest::newRow("keeps combining mark")
        << QString::fromUtf8("ae\u0301bcdef") << 4 << QString::fromUtf8("ae\u0301b\u2026");
    QTest::newRow("emoji") << QString::fromUtf8("\U0001F680\U0001F680\U0001F680") << 4
                           << QString::fromUtf8("\U0001F680\u2026");
    QTest::newRow("zero") << "abc" << 0 << "";
}

void TestBuilderCtl::truncate()
{
    QFETCH(QString, text);
    QFETCH(int, maxColumns);
    QFETCH(QString, expected);

    const std::string result = TextWidth::truncate(text.toStdString(), maxColumns);
    QCOMPARE(QString::fromStdString(result), expected);
    QVERIFY(TextWidth::columns(result) <= maxColumns);
    QVERIFY(validUtf8(result));
}

void TestBuilderCtl::table_data()
{
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<int>("maxWidth"); // of column 1; 0 for none
    QTest::addColumn<QString>("expected");

    QTest::newRow("aligned") << QStringList{"ID", "NAME", "STATE"}
                             << Rows{{"1", "alpha", "active"}, {"22", "b", "deleted"}} << 0
                             << "ID  NAME   STATE\n"
                                "1   alpha  active\n"
                                "22  b      deleted\n";
    QTest::newRow("header widest") << QStringList{"IDENTIFIER", "X"} << Rows{{"1", "y"}} << 0
                                   << "IDENTIFIER  X\n"
                                      "1           y\n";
    QTest::newRow("wide characters") << QStringList{"COL", "V"}
                                     << Rows{{QString::fromUtf8("\u65e5\u672c"), "x"},
                                             {"ab", "y"},
                                             {QString::fromUtf8("e\u0301"), "z"}}
                                     << 0
                                     << QString::fromUtf8("COL   V\n"
                                                          "\u65e5\u672c  x\n"
                                                          "ab    y\n"
                                                          "e\u0301     z\n");
    QTest::newRow("truncated") << QStringList{"ID", "TITLE", "STATE"}
                               << Rows{{"1", "a very long title indeed", "pending"}} << 8
                               << QString::fromUtf8("ID  TITLE     STATE\n"
                                                    "1   a very \u2026  pending\n");
    QTest::newRow("empty last cell") << QStringList{"ID", "NAME"} << Rows{{"1", ""}} << 0
                                     << "ID  NAME\n"
                                        "1\n";
    QTest::newRow("missing cells") << QStringList{"ID", "NAME"} << Rows{{"1"}} << 0
                                   << "ID  NAME\n"
                                      "1\n";
    QTest::newRow("control characters")
        << QStringList{"ID", "TITLE"} << Rows{{"1", "a\nb\tc\x1b[31m"}} << 0
        << "ID  TITLE\n"
           "1   a b c [31m\n";
}

void TestBuilderCtl::table()
{
    QFETCH(QStringList, headers);
    QFETCH(Rows, rows);
    QFETCH(int, maxWidth);
    QFETCH(QString, expected);

    Table table(cells(headers));
    if (maxWidth > 0)
        table.setMaxWidth(1, maxWidth);
    for (const auto& row : rows)
        table.addRow(cells(row));
    QCOMPARE(table.rowCount(), std::size_t(rows.size()));
    const std::string text = table.toString();
    QCOMPARE(QString::fromStdString(text), expected);
    QVERIFY(validUtf8(text));
}

void TestBuilderCtl::fieldList_data()
{
    QTest::addColumn<QStringList>("keysAndValues");
    QTest::addColumn<QString>("expected");

    QTest::newRow("aligned") << QStringList{"id", "1", "default branch", "main"}
                             << "id:             1\n"
                                "default branch: main\n";
    QTest::newRow("multi-line") << QStringList{"title", "T", "description", "line one\nline two\n"}
                                << "title:       T\n"
                                   "description: line one\n"
                                   "             line two\n";
    QTest::newRow("blank line kept") << QStringList{"d", "a\n\nb"}
                                     << "d: a\n"
                                        "\n"
                                        "   b\n";
    QTest::newRow("empty value") << QStringList{"error", ""} << "error:\n";
    QTest::newRow("escape sanitized")
        << QStringList{"x", "\x1b]0;pwned\x07ok"} << "x:  ]0;pwned ok\n";
}

void TestBuilderCtl::fieldList()
{
    QFETCH(QStringList, keysAndValues);
    QFETCH(QString, expected);

    FieldList fields;
    for (int i = 0; i + 1 < keysAndValues.size(); i += 2)
        fields.add(keysAndValues[i].toStdString(), keysAndValues[i + 1].toStdString());
    fields.addIfSet("never", "");
    QCOMPARE(QString::fromStdString(fields.toString()), expected);
}

void TestBuilderCtl::executionRow_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("titleCell");
    QTest::addColumn<QString>("stateCell");

    QTest::newRow("short") << "Add login" << 1 << "Add login"
                           << "pending";
    QTest::newRow("long") << QString(60, 'x') << 9 << QString(39, 'x') + QString::fromUtf8("\u2026")
                          << "awaiting-review";
    QTest::newRow("long unicode") << QString::fromUtf8("\u65e5").repeated(30) << 6
                                  << QString::fromUtf8("\u65e5").repeated(19) +
                                         QString::fromUtf8("\u2026")
                                  << "completed";
}

void TestBuilderCtl::executionRow()
{
    QFETCH(QString, title);
    QFETCH(int, state);
    QFETCH(QString, titleCell);
    QFETCH(QString, stateCell);

    feature::feature::v1::FeatureExecution execution;
    execution.set_id("11111111-2222-3333-4444-555555555555");
    execution.set_state(static_cast<feature::feature::v1::FeatureState>(state));
    execution.mutable_spec()->set_title(title.toStdString());
    execution.set_repository_id("r1");
    execution.mutable_created_at()->set_seconds(1714557600);

    Table table = FeatureView::table();
    table.addRow(FeatureView::row(execution));
    const QStringList lines = QString::fromStdString(table.toString()).split('\n');
    QCOMPARE(lines.size(), 3); // header, row, trailing empty
    QVERIFY(lines[0].startsWith("ID"));
    QVERIFY(lines[1].contains(titleCell));
    QVERIFY(lines[1].contains(stateCell));
    QVERIFY(lines[1].endsWith("2024-05-01T10:00:00Z"));
    // STATE starts where its header does.
    QCOMPARE(lines[1].indexOf(stateCell), lines[0].indexOf("STATE"));
}

void TestBuilderCtl::timestamps_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("nanos");
    QTest::addColumn<QString>("text");

    QTest::newRow("unset") << qint64(0) << 0 << "-";
    QTest::newRow("utc") << qint64(1714557600) << 0 << "2024-05-01T10:00:00Z";
    QTest::newRow("fraction dropped")
        << qint64(1714557600) << 999'000'000 << "2024-05-01T10:00:00Z";
}

void TestBuilderCtl::timestamps()
{
    QFETCH(qint64, seconds);
    QFETCH(int, nanos);
    QFETCH(QString, text);

    google::protobuf::Timestamp timestamp;
    timestamp.set_seconds(seconds);
    timestamp.set_nanos(nanos);
    QCOMPARE(QString::fromStdString(TimeText::format(timestamp)), text);
}

void TestBuilderCtl::jsonOutput_data()
{
    QTest::addColumn<bool>("json");
    QTest::addColumn<QStringList>("mustContain");

    QTest::newRow("json") << true
                          << QStringList{"{\"repository\":{", "\"id\":\"r-1\"",
                                         "\"default_branch\":\"main\"", "\"has_credentials\":false",
                                         "\"provider\":\"GIT_PROVIDER_GITHUB\""};
    QTest::newRow("human") << false
                           << QStringList{"id:             r-1", "provider:       github",
                                          "credentials:    none", "properties:     a=1, b=2"};
}

void TestBuilderCtl::jsonOutput()
{
    QFETCH(bool, json);
    QFETCH(QStringList, mustContain);

    feature::repository::v1::GetResponse response;
    auto* repository = response.mutable_repository();
    repository->set_id("r-1");
    repository->set_name("api");
    repository->set_default_branch("main");
    repository->set_provider(feature::repository::v1::GIT_PROVIDER_GITHUB);
    (*repository->mutable_properties()->mutable_values())["b"] = "2";
    (*repository->mutable_properties()->mutable_values())["a"] = "1";

    std::ostringstream out;
    Printer printer(json, out);
    printer.print(response, [&] { return RepoView::details(*repository); });
    const QString text = QString::fromStdString(out.str());
    for (const auto& part : mustContain)
        QVERIFY2(text.contains(part), qPrintable(text));
    if (json) {
        QCOMPARE(text.count('\n'), 1); // one object, one line
        QVERIFY(text.endsWith("}\n"));
    }
}

void TestBuilderCtl::pageFooter_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("total"); // empty: no trailer
    QTest::addColumn<int>("shown");
    QTest::addColumn<QString>("footer");

    QTest::newRow("both") << "tok"
                          << "7" << 2 << "2 of 7 shown; next page: --page-token tok\n";
    QTest::newRow("last page") << ""
                               << "3" << 3 << "3 of 3 shown\n";
    QTest::newRow("token only") << "tok"
                                << "" << 5 << "5 shown; next page: --page-token tok\n";
    QTest::newRow("nothing") << ""
                             << "" << 5 << "";
    QTest::newRow("bad total ignored") << ""
                                       << "many" << 5 << "";
}

void TestBuilderCtl::pageFooter()
{
    QFETCH(QString, token);
    QFETCH(QString, total);
    QFETCH(int, shown);
    QFETCH(QString, footer);

    const std::string tokenText = token.toStdString();
    const std::string totalText = total.toStdString();
    std::multimap<grpc::string_ref, grpc::string_ref> trailers;
    if (!token.isEmpty())
        trailers.emplace(PageInfo::kNextPageTokenKey, tokenText);
    if (!total.isEmpty())
        trailers.emplace(PageInfo::kTotalCountKey, totalText);
    const PageInfo page = PageInfo::fromTrailers(trailers);
    QCOMPARE(QString::fromStdString(page.nextPageToken()), token);
    QCOMPARE(QString::fromStdString(page.footer(std::size_t(shown))), footer);
}
