#!/usr/bin/env bash
# Create (or update) MIPA's Entra app registration for Teams SSO with the Azure CLI, and print the
# values the next steps need. Run it signed in (`az login`) as someone who may register apps.
#
#   DISPLAY_NAME  app name (default MIPA)
#   READ_ONLY     true to request only read scopes (default false); see infra/graph-scopes.json
#   SECRET_YEARS  lifetime of the client secret in years (default 1)
#
# Bicep cannot create Entra applications without the Microsoft Graph Bicep extension, and that
# extension cannot create client secrets, so this step uses `az ad app` and `az rest` instead.
set -euo pipefail

DISPLAY_NAME=${DISPLAY_NAME:-MIPA}
READ_ONLY=${READ_ONLY:-false}
SECRET_YEARS=${SECRET_YEARS:-1}
HERE=$(cd "$(dirname "$0")" && pwd)

GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
REDIRECT_URI=https://token.botframework.com/.auth/web/redirect
# Microsoft 365 clients allowed to ask for an SSO token without a consent prompt.
TRUSTED_CLIENTS=(
  1fec8e78-bce4-4aaf-ab1b-5451cc387264 # Teams desktop and mobile
  5e3ce6c0-2b1f-4285-8d4b-75ee78787346 # Teams web
  4765445b-32c6-49b0-83e6-1d93765276ca # Microsoft 365 web
  0ec893e0-5785-4de6-99da-4ed124e5296c # Microsoft 365 desktop
  d3590ed6-52b3-4102-aeff-aad2292ab01c # Microsoft 365 mobile, Outlook desktop
  bc59ab01-8403-45c6-8796-ac3ef710b3e3 # Outlook web
  00000002-0000-0ff1-ce00-000000000000 # Outlook web (Exchange Online)
  27922004-5251-4030-b22d-91ecd9a37ea4 # Outlook mobile
  4345a7b9-9a63-4910-a426-35363201d503 # Microsoft 365 app (Copilot)
)

if [ "$READ_ONLY" = "true" ]; then mode=readOnly; else mode=readWrite; fi
mapfile -t SCOPES < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[sys.argv[2]]))' "$HERE/graph-scopes.json" "$mode")

TENANT_ID=$(az account show --query tenantId -o tsv)

# 1. The registration: single tenant, web redirect URI of the Bot Framework token service.
APP_ID=$(az ad app list --display-name "$DISPLAY_NAME" --query '[0].appId' -o tsv)
if [ -z "$APP_ID" ]; then
  APP_ID=$(az ad app create --display-name "$DISPLAY_NAME" --sign-in-audience AzureADMyOrg \
    --web-redirect-uris "$REDIRECT_URI" --query appId -o tsv)
else
  az ad app update --id "$APP_ID" --web-redirect-uris "$REDIRECT_URI"
fi
OBJECT_ID=$(az ad app show --id "$APP_ID" --query id -o tsv)

# 2. Application ID URI api://botid-{appId}: the same value goes into the manifest's
#    webApplicationInfo.resource and the OAuth connection's token exchange URL.
az ad app update --id "$APP_ID" --identifier-uris "api://botid-$APP_ID"

# 3. Expose the access_as_user scope (v2 access tokens), then pre-authorise the Microsoft 365 clients.
SCOPE_ID=$(az ad app show --id "$APP_ID" --query "api.oauth2PermissionScopes[?value=='access_as_user'].id | [0]" -o tsv)
if [ -z "$SCOPE_ID" ]; then SCOPE_ID=$(python3 -c 'import uuid; print(uuid.uuid4())'); fi
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" \
  --headers 'Content-Type=application/json' --body "{
  \"api\": {
    \"requestedAccessTokenVersion\": 2,
    \"oauth2PermissionScopes\": [{
      \"id\": \"$SCOPE_ID\", \"value\": \"access_as_user\", \"type\": \"User\", \"isEnabled\": true,
      \"adminConsentDisplayName\": \"Use MIPA as the signed-in user\",
      \"adminConsentDescription\": \"Lets Teams and Outlook sign the user in to MIPA.\",
      \"userConsentDisplayName\": \"Use MIPA as you\",
      \"userConsentDescription\": \"Lets Teams and Outlook sign you in to MIPA.\"
    }]
  }
}"
preauth=$(for client in "${TRUSTED_CLIENTS[@]}"; do
  printf '{"appId": "%s", "delegatedPermissionIds": ["%s"]},' "$client" "$SCOPE_ID"
done)
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" \
  --headers 'Content-Type=application/json' --body "{\"api\": {\"preAuthorizedApplications\": [${preauth%,}]}}"

# 4. Delegated Microsoft Graph permissions (ids looked up by name in this tenant).
permissions=()
for scope in "${SCOPES[@]}"; do
  id=$(az ad sp show --id "$GRAPH_APP_ID" --query "oauth2PermissionScopes[?value=='$scope'].id | [0]" -o tsv)
  if [ -z "$id" ]; then echo "Microsoft Graph has no delegated permission named $scope." >&2; exit 2; fi
  permissions+=("$id=Scope")
done
az ad app permission add --id "$APP_ID" --api "$GRAPH_APP_ID" --api-permissions "${permissions[@]}" >/dev/null

# 5. A service principal in this tenant, and a client secret for the bot and its OAuth connection.
az ad sp show --id "$APP_ID" >/dev/null 2>&1 || az ad sp create --id "$APP_ID" >/dev/null
SECRET=$(az ad app credential reset --id "$APP_ID" --display-name mipa-bot --years "$SECRET_YEARS" \
  --append --query password -o tsv)

cat <<OUT
Copy these values into the next steps (docs/deploy.md):
  MicrosoftAppId        $APP_ID
  MicrosoftAppPassword  $SECRET
  MicrosoftAppTenantId  $TENANT_ID
  MicrosoftAppType      SingleTenant
  Application ID URI    api://botid-$APP_ID
Then grant admin consent: az ad app permission admin-consent --id $APP_ID
OUT
