// Azure Bot with the Teams and Outlook channels and the OAuth connection used for Teams SSO.

@description('Globally unique name of the Azure Bot resource.')
param botName string

@description('Display name of the bot.')
param displayName string

@description('Messaging endpoint, https://<BOT_DOMAIN>/api/messages.')
param endpoint string

@description('Bot Entra application (client) id.')
param botAppId string

@secure()
@description('Bot client secret, used by the OAuth connection to redeem tokens.')
param botAppPassword string

@description('SingleTenant or MultiTenant.')
param botAppType string

@description('Tenant id of the bot app registration.')
param botAppTenantId string

@description('Azure Bot SKU: F0 (free, standard channels) or S1.')
param sku string

@description('Name of the OAuth connection; the bot reads it from ConnectionName.')
param connectionName string

@description('Delegated Graph scopes of the OAuth connection, separated by spaces.')
param scopes string

@description('Enable the Outlook channel (Actionable Messages).')
param enableOutlookChannel bool

// The Application ID URI of the bot's Entra app: Teams asks Entra for a token for this resource
// (manifest webApplicationInfo.resource) and the token service exchanges it for a Graph token.
var tokenExchangeUrl = 'api://botid-${botAppId}'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botAppTenantId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource outlook 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableOutlookChannel) {
  parent: bot
  name: 'OutlookChannel'
  location: 'global'
  properties: {
    channelName: 'OutlookChannel'
  }
}

// Service provider "Azure Active Directory v2".
var aadV2ServiceProviderId = '30dd229c-58e3-4a48-bdfd-91ec48eb906c'

resource oauthConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = {
  parent: bot
  name: connectionName
  location: 'global'
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: aadV2ServiceProviderId
    clientId: botAppId
    clientSecret: botAppPassword
    scopes: scopes
    parameters: [
      {
        key: 'tenantID'
        value: botAppType == 'SingleTenant' ? botAppTenantId : 'common'
      }
      {
        key: 'tokenExchangeUrl'
        value: tokenExchangeUrl
      }
    ]
  }
}

@description('Name of the OAuth connection (ConnectionName).')
output connectionName string = oauthConnection.name

@description('Token exchange URL of the OAuth connection.')
output tokenExchangeUrl string = tokenExchangeUrl
