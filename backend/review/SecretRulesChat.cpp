// Chat, mail and messaging: Slack, Discord, Telegram, Twilio, mail senders, Teams.
#include "SecretRuleTable.h"

namespace builder::review {

std::vector<SecretRule> SecretRuleTable::chat()
{
    const auto H = Severity::High;
    return {
        token("slack-bot-token", "Slack bot token", {"xoxb-"},
              "xoxb-\\d{10,13}-\\d{10,13}-[A-Za-z0-9]{24,34}"),
        token("slack-user-token", "Slack user token", {"xoxp-"},
              "xoxp-\\d{10,13}-\\d{10,13}-\\d{10,13}-[A-Za-z0-9]{32}"),
        token("slack-app-token", "Slack app-level token", {"xapp-"},
              "xapp-\\d-[A-Z0-9]{9,11}-\\d{10,13}-[a-z0-9]{64}"),
        token("slack-config-token", "Slack configuration access token", {"xoxe.xox"},
              "xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{146,200}"),
        token("slack-config-refresh-token", "Slack configuration refresh token", {"xoxe-"},
              "xoxe-\\d-[A-Za-z0-9]{140,200}"),
        token("slack-legacy-token", "Slack legacy token", {"xoxa-", "xoxr-", "xoxo-", "xoxs-"},
              "xox[aros]-\\d{1,13}-[A-Za-z0-9-]{10,100}", H),
        token("slack-webhook-url", "Slack incoming webhook URL", {"hooks.slack.com/services/"},
              "hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{23,25}", H),
        token("slack-workflow-webhook-url", "Slack workflow webhook URL",
              {"hooks.slack.com/workflows/", "hooks.slack.com/triggers/"},
              "hooks\\.slack\\.com/[a-z]{8,9}/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/\\d{17,20}/"
              "[A-Za-z0-9]{23,32}",
              H),
        keyed("discord-bot-token", "Discord bot token", {"discord"},
              "[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}",
              Severity::Critical),
        token("discord-webhook-url", "Discord webhook URL",
              {"discord.com/api/webhooks/", "discordapp.com/api/webhooks/"},
              "discord[a-z]{0,3}\\.com/api/webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,68}", H),
        keyed("discord-client-secret", "Discord OAuth client secret", {"discord"},
              "[A-Za-z0-9_-]{32}", H, kRandomEntropy),
        led("telegram-bot-token", "Telegram bot token", ":AA", "\\d{8,10}", ":AA[A-Za-z0-9_-]{33}"),
        token("twilio-api-key", "Twilio API key", {"SK"}, "SK\\l{32}"),
        keyed("twilio-auth-token", "Twilio auth token", {"twilio"}, "\\l{32}", Severity::Critical),
        token("sendgrid-api-key", "SendGrid API key", {"SG."},
              "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"),
        token("mailgun-api-key", "Mailgun API key", {"key-"}, "key-\\l{32}", H),
        keyed("mailgun-private-key", "Mailgun private API key", {"mailgun"},
              "\\l{32}-\\l{8}-\\l{8}", Severity::Critical),
        led("mailchimp-api-key", "Mailchimp API key", "-us", "\\l{32}", "-us\\d{1,2}"),
        keyed("mandrill-api-key", "Mandrill API key", {"mandrill"}, "[A-Za-z0-9_-]{22}", H,
              kRandomEntropy),
        keyed("postmark-server-token", "Postmark server token", {"postmark"},
              "\\l{8}-\\l{4}-\\l{4}-\\l{4}-\\l{12}", H),
        token("brevo-api-key", "Brevo (Sendinblue) API key", {"xkeysib-"},
              "xkeysib-\\l{64}-[A-Za-z0-9]{16}"),
        keyed("mailjet-api-secret", "Mailjet API secret", {"mailjet"}, "\\l{32}", H),
        token("microsoft-teams-webhook-url", "Microsoft Teams incoming webhook URL",
              {"webhook.office.com/webhookb2/"},
              "webhook\\.office\\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/"
              "\\l{32}/[a-f0-9-]{36}",
              H),
        keyed("zendesk-api-token", "Zendesk API token", {"zendesk"}, "[A-Za-z0-9]{40}", H,
              kRandomEntropy),
        keyed("intercom-access-token", "Intercom access token", {"intercom"},
              "[A-Za-z0-9+/=_-]{59,60}", H, kRandomEntropy),
    };
}

} // namespace builder::review
