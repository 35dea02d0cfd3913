// MIPA on Azure: a Linux App Service running `python app.py` and an Azure Bot with Teams, Outlook and SSO.
// The Entra app registration is made first with infra/entra-app.sh (see docs/deploy.md, step 2).

targetScope = 'resourceGroup'

@minLength(3)
@maxLength(40)
@description('Prefix of every resource name; the web app is <resourceBaseName>-app and the bot <resourceBaseName>-bot.')
param resourceBaseName string

@description('Azure region of the App Service. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('Bot Entra application (client) id printed by entra-app.sh (MicrosoftAppId).')
param botAppId string

@secure()
@description('Bot client secret printed by entra-app.sh (MicrosoftAppPassword).')
param botAppPassword string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
@description('Sign-in audience of the bot app registration (MicrosoftAppType). entra-app.sh makes a SingleTenant app.')
param botAppType string = 'SingleTenant'

@description('Tenant id of the bot app registration (MicrosoftAppTenantId).')
param botAppTenantId string = tenant().tenantId

@description('Display name of the bot in Azure.')
param botDisplayName string = 'MIPA'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier.')
param botSku string = 'F0'

@description('App Service plan SKU (B1 or larger recommended).')
param appServiceSku string = 'B1'

@description('Name of the OAuth connection on the Azure Bot (ConnectionName).')
param connectionName string = 'graph'

@description('Read-only mode (READ_ONLY): the OAuth connection asks only for read scopes and MIPA declines writes.')
param readOnly bool = false

@secure()
@description('Redis URL for shared state (STORAGE_URL), e.g. rediss://:<key>@<name>.redis.cache.windows.net:6380/0; empty keeps state in memory.')
param storageUrl string = ''

@description('Originator id from the Actionable Email Developer Dashboard (OUTLOOK_ORIGINATOR_ID); empty until you register it.')
param outlookOriginatorId string = ''

@description('Enable the Azure Bot Outlook channel for Actionable Messages.')
param enableOutlookChannel bool = true

var graphScopes = loadJsonContent('graph-scopes.json')
var scopeList = concat(graphScopes.signIn, readOnly ? graphScopes.readOnly : graphScopes.readWrite)
var webAppName = '${resourceBaseName}-app'

module appService 'modules/appService.bicep' = {
  name: 'mipa-app-service'
  params: {
    webAppName: webAppName
    location: location
    sku: appServiceSku
    botAppId: botAppId
    botAppPassword: botAppPassword
    botAppType: botAppType
    botAppTenantId: botAppTenantId
    connectionName: connectionName
    storageUrl: storageUrl
    outlookOriginatorId: outlookOriginatorId
    readOnly: readOnly
  }
}

module azureBot 'modules/azureBot.bicep' = {
  name: 'mipa-azure-bot'
  params: {
    botName: '${resourceBaseName}-bot'
    displayName: botDisplayName
    endpoint: 'https://${appService.outputs.defaultHostName}/api/messages'
    botAppId: botAppId
    botAppPassword: botAppPassword
    botAppType: botAppType
    botAppTenantId: botAppTenantId
    sku: botSku
    connectionName: connectionName
    scopes: join(scopeList, ' ')
    enableOutlookChannel: enableOutlookChannel
  }
}

@description('Public host name of the bot: set BOT_DOMAIN to this before `make package`.')
output BOT_DOMAIN string = appService.outputs.defaultHostName

@description('Messaging endpoint configured on the Azure Bot.')
output BOT_ENDPOINT string = 'https://${appService.outputs.defaultHostName}/api/messages'

@description('Name of the OAuth connection (ConnectionName).')
output CONNECTION_NAME string = azureBot.outputs.connectionName

@description('Token exchange URL of the OAuth connection; must equal the Application ID URI and webApplicationInfo.resource.')
output TOKEN_EXCHANGE_URL string = azureBot.outputs.tokenExchangeUrl

@description('Name of the web app, for `az webapp deploy`.')
output WEB_APP_NAME string = webAppName
