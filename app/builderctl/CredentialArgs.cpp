#include "CredentialArgs.h"

#include "EnumNames.h"
#include "InputFile.h"
#include "UsageError.h"

#include <map>
#include <set>

namespace builder::ctl {

namespace repov1 = feature::repository::v1;

namespace {

// Which credential type each secret option belongs to.
const std::map<std::string, repov1::CredentialType>& secretOptions()
{
    static const std::map<std::string, repov1::CredentialType> kOptions = {
        {"ssh-key-file", repov1::CREDENTIAL_TYPE_SSH_KEY},
        {"token-env", repov1::CREDENTIAL_TYPE_TOKEN},
        {"password-env", repov1::CREDENTIAL_TYPE_BASIC},
        {"oauth-token-env", repov1::CREDENTIAL_TYPE_OAUTH},
        {"oauth-refresh-token-env", repov1::CREDENTIAL_TYPE_OAUTH},
    };
    return kOptions;
}

std::string typeName(repov1::CredentialType type)
{
    return EnumNames::shortName(repov1::CredentialType_descriptor(), type);
}

} // namespace

std::vector<OptionSpec> CredentialArgs::options()
{
    return {
        {"credential-type", "TYPE",
         "ssh-key, token, basic or oauth (inferred from the secret option when omitted)"},
        {"ssh-key-file", "FILE", "Private key for ssh-key; '-' reads standard input"},
        {"token-env", "VAR", "Environment variable holding the access token (token)"},
        {"username", "USER", "User name (basic; optional for token)"},
        {"password-env", "VAR", "Environment variable holding the password (basic)"},
        {"oauth-token-env", "VAR", "Environment variable holding the OAuth access token (oauth)"},
        {"oauth-refresh-token-env", "VAR",
         "Environment variable holding the OAuth refresh token (oauth, optional)"},
    };
}

common::Result<std::string> CredentialArgs::fromEnvironment(const std::string& option,
                                                            const ParsedArgs& args,
                                                            const Environment& env)
{
    const std::string variable = args.value(option).value_or("");
    if (variable.empty())
        return usageError("--" + option + ": expected the name of an environment variable");
    auto value = env.get(variable);
    if (!value)
        return usageError("--" + option + ": environment variable " + variable +
                          " is not set or empty");
    return *value;
}

common::Result<std::optional<repov1::Credential>> CredentialArgs::build(const ParsedArgs& args,
                                                                        const Environment& env)
{
    std::set<repov1::CredentialType> inferred;
    std::string firstSecret;
    for (const auto& [option, type] : secretOptions()) {
        if (args.has(option)) {
            inferred.insert(type);
            if (firstSecret.empty())
                firstSecret = option;
        }
    }
    const bool hasUsername = args.has("username");
    if (!args.has("credential-type") && inferred.empty() && !hasUsername)
        return std::optional<repov1::Credential>{};

    repov1::CredentialType type = repov1::CREDENTIAL_TYPE_UNSPECIFIED;
    if (auto text = args.value("credential-type")) {
        const auto parsed = EnumNames::parse(repov1::CredentialType_descriptor(), *text);
        if (!parsed)
            return usageError("--credential-type: unknown value '" + *text +
                              "' (valid: ssh-key, token, oauth, basic)");
        type = static_cast<repov1::CredentialType>(*parsed);
    } else if (inferred.size() == 1) {
        type = *inferred.begin();
    } else if (inferred.empty()) {
        return usageError("--username needs --password-env VAR (basic) or --token-env VAR (token)");
    } else {
        return usageError("conflicting credential options; pass --credential-type and only its "
                          "options");
    }

    for (const auto& [option, optionType] : secretOptions()) {
        if (args.has(option) && optionType != type)
            return usageError("--" + option + " does not apply to --credential-type " +
                              typeName(type));
    }
    if (hasUsername && type != repov1::CREDENTIAL_TYPE_BASIC &&
        type != repov1::CREDENTIAL_TYPE_TOKEN)
        return usageError("--username does not apply to --credential-type " + typeName(type));

    const auto require = [&](const std::string& option, const std::string& valueName) {
        return args.has(option) ? std::optional<common::Error>()
                                : usageError("--credential-type " + typeName(type) +
                                             " requires --" + option + " " + valueName);
    };

    repov1::Credential credential;
    credential.set_type(type);
    switch (type) {
    case repov1::CREDENTIAL_TYPE_SSH_KEY: {
        if (auto missing = require("ssh-key-file", "FILE"))
            return *missing;
        const std::string path = *args.value("ssh-key-file");
        auto key = InputFile::read("ssh-key-file", path);
        if (!key.ok())
            return key.error();
        if (key->find_first_not_of(" \t\r\n") == std::string::npos)
            return usageError("--ssh-key-file: '" + path + "' is empty");
        credential.set_ssh_private_key(std::move(*key));
        break;
    }
    case repov1::CREDENTIAL_TYPE_TOKEN: {
        if (auto missing = require("token-env", "VAR"))
            return *missing;
        auto token = fromEnvironment("token-env", args, env);
        if (!token.ok())
            return token.error();
        credential.set_token(*token);
        credential.set_username(args.value("username").value_or(""));
        break;
    }
    case repov1::CREDENTIAL_TYPE_BASIC: {
        if (auto missing = require("username", "USER"))
            return *missing;
        if (auto missing = require("password-env", "VAR"))
            return *missing;
        auto password = fromEnvironment("password-env", args, env);
        if (!password.ok())
            return password.error();
        credential.set_username(*args.value("username"));
        credential.set_password(*password);
        break;
    }
    case repov1::CREDENTIAL_TYPE_OAUTH: {
        if (auto missing = require("oauth-token-env", "VAR"))
            return *missing;
        auto token = fromEnvironment("oauth-token-env", args, env);
        if (!token.ok())
            return token.error();
        credential.set_oauth_token(*token);
        if (args.has("oauth-refresh-token-env")) {
            auto refresh = fromEnvironment("oauth-refresh-token-env", args, env);
            if (!refresh.ok())
                return refresh.error();
            credential.set_oauth_refresh_token(*refresh);
        }
        break;
    }
    default:
        return usageError("--credential-type: unknown value");
    }
    return std::optional<repov1::Credential>(std::move(credential));
}

} // namespace builder::ctl
