// Source hosting: GitHub, GitLab, Bitbucket and Atlassian, and other forges.
#include "SecretRuleTable.h"

namespace builder::review {

std::vector<SecretRule> SecretRuleTable::vcs()
{
    const auto H = Severity::High;
    const auto crc = SecretCheck::GithubCrc32;
    return {
        checked(token("github-pat-classic", "GitHub personal access token (classic)", {"ghp_"},
                      "ghp_[A-Za-z0-9]{36}"),
                crc),
        checked(token("github-oauth-token", "GitHub OAuth access token", {"gho_"},
                      "gho_[A-Za-z0-9]{36}"),
                crc),
        checked(token("github-user-to-server-token", "GitHub App user-to-server token", {"ghu_"},
                      "ghu_[A-Za-z0-9]{36}"),
                crc),
        checked(token("github-app-installation-token", "GitHub App installation token", {"ghs_"},
                      "ghs_[A-Za-z0-9]{36}"),
                crc),
        token("github-refresh-token", "GitHub App refresh token", {"ghr_"},
              "ghr_[A-Za-z0-9]{36,76}"),
        token("github-fine-grained-pat", "GitHub fine-grained personal access token",
              {"github_pat_"}, "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"),
        token("gitlab-pat", "GitLab personal access token", {"glpat-"},
              "glpat-[A-Za-z0-9_.-]{20,80}"),
        token("gitlab-runner-token", "GitLab runner authentication token", {"glrt-"},
              "glrt-[A-Za-z0-9_.-]{20,80}"),
        token("gitlab-runner-registration-token", "GitLab runner registration token", {"GR1348941"},
              "GR1348941[A-Za-z0-9_-]{20}"),
        token("gitlab-deploy-token", "GitLab deploy token", {"gldt-"},
              "gldt-[A-Za-z0-9_.-]{20,80}"),
        token("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", {"glptt-"},
              "glptt-\\l{40}"),
        token("gitlab-feed-token", "GitLab feed token", {"glft-"}, "glft-[A-Za-z0-9_-]{20}", H),
        token("gitlab-oauth-app-secret", "GitLab OAuth application secret", {"gloas-"},
              "gloas-\\l{64}"),
        token("gitlab-ci-job-token", "GitLab CI/CD job token", {"glcbt-"},
              "glcbt-[A-Za-z0-9_-]{20,80}", H),
        token("gitlab-incoming-mail-token", "GitLab incoming mail token", {"glimt-"},
              "glimt-[A-Za-z0-9_-]{25}", H),
        token("gitlab-agent-token", "GitLab agent for Kubernetes token", {"glagent-"},
              "glagent-[A-Za-z0-9_-]{50}"),
        token("gitlab-scim-token", "GitLab SCIM token", {"glsoat-"}, "glsoat-[A-Za-z0-9_-]{20}"),
        token("bitbucket-app-password", "Bitbucket app password", {"ATBB"},
              "ATBB[A-Za-z0-9_=.-]{28,40}"),
        token("bitbucket-access-token", "Bitbucket repository/workspace access token", {"ATCTT3"},
              "ATCTT3[A-Za-z0-9_=.-]{100,300}"),
        keyed("bitbucket-client-secret", "Bitbucket OAuth consumer secret", {"bitbucket"},
              "[A-Za-z0-9=_-]{64}", H, kRandomEntropy),
        token("atlassian-api-token", "Atlassian API token", {"ATATT3"},
              "ATATT3[A-Za-z0-9_=.-]{100,300}"),
        keyed("atlassian-api-token-legacy", "Atlassian (Jira/Confluence) API token",
              {"atlassian", "confluence", "jira"}, "[A-Za-z0-9]{24}", H, kRandomEntropy),
        token("sourcegraph-token", "Sourcegraph access token", {"sgp_"}, "sgp_[A-Za-z0-9_]{40,64}"),
        keyed("gitea-token", "Gitea / Forgejo access token", {"gitea", "forgejo"}, "\\l{40}", H),
    };
}

} // namespace builder::review
