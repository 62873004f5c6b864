#include "TestBuilderCtl.h"

#include <QTest>

QTEST_GUILESS_MAIN(TestBuilderCtl)
