// Payments and commerce: Stripe, Square, PayPal/Braintree, Shopify and others.
#include "SecretRuleTable.h"

namespace builder::review {

std::vector<SecretRule> SecretRuleTable::payments()
{
    const auto H = Severity::High;
    return {
        token("stripe-secret-key", "Stripe live secret key", {"sk_live_"},
              "sk_live_[A-Za-z0-9]{24,99}"),
        token("stripe-restricted-key", "Stripe live restricted key", {"rk_live_"},
              "rk_live_[A-Za-z0-9]{24,99}"),
        token("stripe-test-secret-key", "Stripe test-mode secret key", {"sk_test_"},
              "sk_test_[A-Za-z0-9]{24,99}", Severity::Low),
        token("stripe-webhook-secret", "Stripe webhook signing secret", {"whsec_"},
              "whsec_[A-Za-z0-9+/]{32,64}", H),
        token("square-access-token", "Square access token (legacy)", {"sq0atp-"},
              "sq0atp-[A-Za-z0-9_-]{22}"),
        token("square-oauth-secret", "Square OAuth application secret", {"sq0csp-"},
              "sq0csp-[A-Za-z0-9_-]{43}"),
        token("square-access-token-v2", "Square access token", {"EAAA"}, "EAAA[A-Za-z0-9_+-]{60}"),
        token("braintree-access-token", "PayPal Braintree production access token",
              {"access_token$production$"}, "access_token\\$production\\$[0-9a-z]{16}\\$\\l{32}"),
        token("braintree-sandbox-token", "PayPal Braintree sandbox access token",
              {"access_token$sandbox$"}, "access_token\\$sandbox\\$[0-9a-z]{16}\\$\\l{32}",
              Severity::Medium),
        keyed("paypal-client-secret", "PayPal REST client secret", {"paypal"}, "[A-Za-z0-9_-]{80}",
              H, kRandomEntropy),
        token("shopify-access-token", "Shopify Admin API access token", {"shpat_"},
              "shpat_\\h{32}"),
        token("shopify-custom-app-token", "Shopify custom app access token", {"shpca_"},
              "shpca_\\h{32}"),
        token("shopify-private-app-token", "Shopify private app password", {"shppa_"},
              "shppa_\\h{32}"),
        token("shopify-shared-secret", "Shopify app shared secret", {"shpss_"}, "shpss_\\h{32}"),
        token("razorpay-live-key", "Razorpay live key id", {"rzp_live_"},
              "rzp_live_[A-Za-z0-9]{14}", H),
        token("flutterwave-secret-key", "Flutterwave secret key", {"FLWSECK-"},
              "FLWSECK-\\l{32}-X"),
        keyed("adyen-api-key", "Adyen API key", {"adyen"}, "AQE[A-Za-z0-9+/=_.-]{80,200}",
              Severity::Critical),
        token("plaid-access-token", "Plaid production access token", {"access-production-"},
              "access-production-\\l{8}-\\l{4}-\\l{4}-\\l{4}-\\l{12}"),
        keyed("gocardless-token", "GoCardless live access token", {"gocardless"},
              "live_[A-Za-z0-9_-]{40}", Severity::Critical),
        token("shippo-live-token", "Shippo live API token", {"shippo_live_"},
              "shippo_live_\\l{40}"),
        token("easypost-api-key", "EasyPost production API key", {"EZAK"}, "EZAK\\l{54}"),
        token("duffel-live-token", "Duffel live access token", {"duffel_live_"},
              "duffel_live_[A-Za-z0-9_=-]{43}"),
    };
}

} // namespace builder::review
