"""B4: defining any of botframework-connector's "parameterised" settings (`OAUTH_URL`, ...) switches it to a code
path that crashes on every anonymous request (`CloudAdapter` passes an empty Authorization header, the
parameterised path only checks for None: HTTP 500 'NoneType' object has no attribute 'claims').

MIPA's `config.BotConfig` defines none of them, and the token API is pointed elsewhere by overriding
`create_user_token_client` instead (`bots/auth.py`). `builtin_only` refuses a configuration that defines one, so
the mistake is a start-up error rather than a 500 on every message. (config.py stays free of bots/: it only
leaves the names out; the check lives here.)
"""

from __future__ import annotations

__all__ = ["PARAMETERISED_SETTINGS", "builtin_only"]

#: The attributes `ConfigurationBotFrameworkAuthentication` reads that select the parameterised code path.
PARAMETERISED_SETTINGS: tuple[str, ...] = (
    "TO_CHANNEL_FROM_BOT_LOGIN_URL",
    "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE",
    "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER",
    "OAUTH_URL",
    "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL",
    "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL",
    "CALLER_ID",
)


def builtin_only(config: object) -> None:
    """Raise ValueError naming the first parameterised setting `config` defines (the SDK's built-in path only)."""
    for name in PARAMETERISED_SETTINGS:
        if getattr(config, name, None):
            raise ValueError(f"{name} selects botframework-connector's parameterised authentication (defect B4)")
