#pragma once

#include <QObject>

// Unit tests of builderctl; one slot group per source file.
class TestBuilderCtl : public QObject
{
    Q_OBJECT

private slots:
    // TestArguments.cpp
    void parseCommandLine_data();
    void parseCommandLine();
    void helpRequests_data();
    void helpRequests();
    void stateNames_data();
    void stateNames();
    void shortNames_data();
    void shortNames();
    void properties_data();
    void properties();
    void integers_data();
    void integers();
    void durations_data();
    void durations();
    void instants_data();
    void instants();

    // TestOutput.cpp
    void textWidth_data();
    void textWidth();
    void truncate_data();
    void truncate();
    void table_data();
    void table();
    void fieldList_data();
    void fieldList();
    void executionRow_data();
    void executionRow();
    void timestamps_data();
    void timestamps();
    void jsonOutput_data();
    void jsonOutput();
    void pageFooter_data();
    void pageFooter();

    // TestErrors.cpp
    void errorFormat_data();
    void errorFormat();

    // TestClientConfig.cpp
    void serverResolution_data();
    void serverResolution();
    void tokenResolution_data();
    void tokenResolution();
    void configOptions_data();
    void configOptions();
    void loopback_data();
    void loopback();

    // TestSecrets.cpp
    void credentials_data();
    void credentials();
    void secretsNotFromArguments_data();
    void secretsNotFromArguments();

    // TestEventFollower.cpp
    void follower_data();
    void follower();
    void backoff_data();
    void backoff();

    // TestRequests.cpp
    void requests_data();
    void requests();

    // TestCli.cpp
    void cliUsage_data();
    void cliUsage();
    void cliUnreachable_data();
    void cliUnreachable();
};
