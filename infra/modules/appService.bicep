// Linux App Service (Python 3.11) that runs MIPA with `python app.py`.

@description('Name of the web app; its default host name <name>.azurewebsites.net becomes BOT_DOMAIN.')
param webAppName string

@description('Azure region of the App Service plan and web app.')
param location string

@description('App Service plan SKU, e.g. B1. F1 has no Always On and sleeps, which makes the first reply slow.')
param sku string

@description('Bot Entra application (client) id: MicrosoftAppId.')
param botAppId string

@secure()
@description('Bot client secret: MicrosoftAppPassword.')
param botAppPassword string

@description('SingleTenant or MultiTenant: MicrosoftAppType.')
param botAppType string

@description('Tenant id of the bot app registration: MicrosoftAppTenantId.')
param botAppTenantId string

@description('Name of the OAuth connection on the Azure Bot: ConnectionName.')
param connectionName string

@secure()
@description('Redis URL for shared state (STORAGE_URL); empty keeps state in memory (one instance only).')
param storageUrl string

@description('Originator id of the Actionable Email Developer Dashboard registration (OUTLOOK_ORIGINATOR_ID); empty disables Outlook cards.')
param outlookOriginatorId string

@description('READ_ONLY: when true MIPA only reads and tells users which requests it cannot do.')
param readOnly bool

var port = '8000'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${webAppName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'PYTHON|3.11'
      appCommandLine: 'python app.py'
      alwaysOn: sku != 'F1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        {
          name: 'MicrosoftAppId'
          value: botAppId
        }
        {
          name: 'MicrosoftAppPassword'
          value: botAppPassword
        }
        {
          name: 'MicrosoftAppType'
          value: botAppType
        }
        {
          name: 'MicrosoftAppTenantId'
          value: botAppTenantId
        }
        {
          name: 'ConnectionName'
          value: connectionName
        }
        {
          name: 'STORAGE_URL'
          value: storageUrl
        }
        {
          name: 'OUTLOOK_ORIGINATOR_ID'
          value: outlookOriginatorId
        }
        {
          name: 'READ_ONLY'
          value: readOnly ? 'true' : 'false'
        }
        {
          name: 'PORT'
          value: port
        }
        {
          name: 'WEBSITES_PORT'
          value: port
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
      ]
    }
  }
}

@description('Public host name of the bot (BOT_DOMAIN).')
output defaultHostName string = webApp.properties.defaultHostName

@description('Resource id of the web app.')
output webAppResourceId string = webApp.id
