// common::SettingText: whole-string integers, numbers and on/off values, with
// trailing characters, empty text and out-of-range values refused.
#include "common/SettingText.h"

#include <QTest>

using builder::common::SettingText;

class TestSettingText : public QObject
{
    Q_OBJECT

private slots:
    void integers()
    {
        QCOMPARE(SettingText::integer("42"), std::optional<long long>(42));
        QCOMPARE(SettingText::integer("-3"), std::optional<long long>(-3));
        QCOMPARE(SettingText::integer("0"), std::optional<long long>(0));
        QCOMPARE(SettingText::integer("9223372036854775807"),
                 std::optional<long long>(9223372036854775807LL));
        for (const char* bad : {"", "4x", "x4", "4.5", "1e3", "99999999999999999999", " "})
            QVERIFY2(!SettingText::integer(bad), bad);
    }
    void numbers()
    {
        QCOMPARE(SettingText::number("0.5"), std::optional<double>(0.5));
        QCOMPARE(SettingText::number("1e3"), std::optional<double>(1000.0));
        QCOMPARE(SettingText::number("7"), std::optional<double>(7.0));
        for (const char* bad : {"", "0.5%", "abc", "1,5"})
            QVERIFY2(!SettingText::number(bad), bad);
    }
    void booleans()
    {
        for (const char* yes : {"on", "true", "yes", "1"})
            QCOMPARE(SettingText::boolean(yes), std::optional<bool>(true));
        for (const char* no : {"off", "false", "no", "0"})
            QCOMPARE(SettingText::boolean(no), std::optional<bool>(false));
        for (const char* bad : {"", "ON", "enabled", "2", "true "})
            QVERIFY2(!SettingText::boolean(bad), bad);
    }
};

QTEST_GUILESS_MAIN(TestSettingText)
#include "test_setting_text.moc"
