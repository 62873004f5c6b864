// Software-as-a-service APIs: search, maps, storage, productivity, design, social.
#include "SecretRuleTable.h"

namespace builder::review {

std::vector<SecretRule> SecretRuleTable::saas()
{
    const auto H = Severity::High;
    const auto C = Severity::Critical;
    return {
        keyed("algolia-admin-key", "Algolia admin API key", {"algolia"}, "\\l{32}", H),
        token("mapbox-secret-token", "Mapbox secret access token", {"sk.eyJ"},
              "sk\\.eyJ[A-Za-z0-9_-]{50,300}\\.[A-Za-z0-9_-]{20,40}"),
        token("postman-api-key", "Postman API key", {"PMAK-"}, "PMAK-\\l{24}-\\l{34}"),
        token("dropbox-short-lived-token", "Dropbox access token", {"sl."},
              "sl\\.[A-Za-z0-9_.-]{130,1500}", H),
        keyed("asana-pat", "Asana personal access token", {"asana"}, "[12]/\\d{13,20}:\\l{32}", C),
        token("notion-token", "Notion integration token", {"secret_"}, "secret_[A-Za-z0-9]{43}"),
        token("notion-token-v2", "Notion integration token", {"ntn_"}, "ntn_[A-Za-z0-9]{46}"),
        token("linear-api-key", "Linear API key", {"lin_api_"}, "lin_api_[A-Za-z0-9]{40}"),
        token("linear-oauth-token", "Linear OAuth access token", {"lin_oauth_"},
              "lin_oauth_\\l{64}"),
        token("figma-pat", "Figma personal access token", {"figd_"}, "figd_[A-Za-z0-9_-]{40}"),
        token("airtable-pat", "Airtable personal access token", {"pat"},
              "pat[A-Za-z0-9]{14}\\.\\l{64}"),
        token("contentful-pat", "Contentful personal access token", {"CFPAT-"},
              "CFPAT-[A-Za-z0-9_-]{43}"),
        token("typeform-token", "Typeform personal access token", {"tfp_"},
              "tfp_[A-Za-z0-9_.=-]{59}", H),
        token("hubspot-pat", "HubSpot private app token", {"pat-na1-", "pat-eu1-"},
              "pat-[a-z]{2}1-\\l{8}-\\l{4}-\\l{4}-\\l{4}-\\l{12}"),
        token("facebook-access-token", "Facebook access token", {"EAACEdEose0cBA"},
              "EAACEdEose0cBA[A-Za-z0-9]{20,300}"),
        keyed("facebook-app-secret", "Facebook app secret",
              {"facebook", "fb_secret", "fb_app_secret"}, "\\l{32}", H),
        keyed("twitter-api-secret", "Twitter (X) API secret", {"twitter"}, "[A-Za-z0-9]{50}", H,
              kRandomEntropy),
        token("instagram-token", "Instagram Graph API token", {"IGQV"},
              "IGQV[A-Za-z0-9_-]{100,300}", H),
        keyed("trello-token", "Trello API token", {"trello"}, "\\l{64}", H),
        token("clickup-token", "ClickUp personal API token", {"pk_"}, "pk_\\d{6,9}_[A-Z0-9]{32}"),
        token("yandex-api-key", "Yandex Cloud API key", {"AQVN"}, "AQVN[A-Za-z0-9_-]{35,38}", H),
        token("yandex-oauth-token", "Yandex OAuth token", {"y0_"}, "y0_[A-Za-z0-9_-]{55}", H),
        token("zapier-webhook-url", "Zapier catch hook URL", {"hooks.zapier.com/hooks/catch/"},
              "hooks\\.zapier\\.com/hooks/catch/\\d{4,12}/[a-z0-9]{4,12}", Severity::Medium),
        keyed("segment-write-key", "Segment write key", {"segment_write_key", "segmentwritekey"},
              "[A-Za-z0-9]{32}", Severity::Medium, kRandomEntropy),
        token("frameio-token", "Frame.io developer token", {"fio-u-"}, "fio-u-[A-Za-z0-9_=-]{64}",
              H),
        token("shopify-partner-token", "Shopify Partner API token", {"prtapi_"}, "prtapi_\\h{32}",
              H),
        token("readme-api-key", "ReadMe API key", {"rdme_"}, "rdme_\\l{70}", H),
    };
}

} // namespace builder::review
