// Package registries and artifact stores: npm, PyPI, RubyGems, NuGet, Docker Hub,
// JFrog, Clojars, crates.io, the Gradle plugin portal.
#include "SecretRuleTable.h"

namespace builder::review {

std::vector<SecretRule> SecretRuleTable::registries()
{
    const auto H = Severity::High;
    return {
        checked(token("npm-access-token", "npm access token", {"npm_"}, "npm_[A-Za-z0-9]{36}"),
                SecretCheck::GithubCrc32),
        keyed("npmrc-auth-token", "npm registry auth token (.npmrc _authToken)", {"_authtoken"},
              "[A-Za-z0-9_+/=.-]{20,200}", Severity::Critical, kRandomEntropy),
        token("pypi-upload-token", "PyPI upload token", {"pypi-AgEIcHlwaS5vcmc"},
              "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300}"),
        token("testpypi-upload-token", "TestPyPI upload token", {"pypi-AgENdGVzdC5weXBpLm9yZw"},
              "pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,300}", H),
        token("rubygems-api-key", "RubyGems API key", {"rubygems_"}, "rubygems_\\l{48}"),
        token("nuget-api-key", "NuGet API key", {"oy2"}, "oy2[a-z0-9]{43}"),
        token("dockerhub-pat", "Docker Hub personal access token", {"dckr_pat_"},
              "dckr_pat_[A-Za-z0-9_-]{27}"),
        token("dockerhub-org-token", "Docker Hub organization access token", {"dckr_oat_"},
              "dckr_oat_[A-Za-z0-9_-]{32}"),
        token("jfrog-api-key", "JFrog Artifactory API key", {"AKCp"}, "AKCp[A-Za-z0-9]{69}"),
        token("jfrog-reference-token", "JFrog reference token", {"cmVmdGtu"},
              "cmVmdGtu[A-Za-z0-9]{56}"),
        token("clojars-token", "Clojars deploy token", {"CLOJARS_"}, "CLOJARS_[a-z0-9]{60}"),
        token("crates-io-token", "crates.io API token", {"cio"}, "cio[A-Za-z0-9]{32}", H),
        keyed("gradle-plugin-portal-secret", "Gradle plugin portal key or secret",
              {"gradle.publish.secret", "gradle.publish.key"}, "[A-Za-z0-9]{32}", H,
              kRandomEntropy),
    };
}

} // namespace builder::review
