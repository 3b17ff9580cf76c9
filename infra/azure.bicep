// Azure resources for one school's HSB Safeguarding Assistant, deployed by `atk provision` (teamsapp.yml,
// arm/deploy) with infra/azure.parameters.json. docs/deploy.md explains each resource and setting.
// Outputs are UPPER_SNAKE_CASE because the Agents Toolkit writes them to env/.env.<env> under those names.

@description('Start of every resource name: lower-case letters and digits.')
@minLength(3)
@maxLength(10)
param resourceBaseName string = 'hsb'

@description('Makes names globally unique. Empty: six characters derived from the resource group.')
@maxLength(6)
param resourceSuffix string = ''

@description('Azure region for everything except the bot registration (global). Defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for one school; Always On keeps the reminder scheduler running.')
@allowed(['B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3'])
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free and covers the Teams channel.')
@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

@description('Redundancy of the storage account for bot state (conversation references, reminder schedule), which can be rebuilt.')
@allowed(['Standard_LRS', 'Standard_ZRS'])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics keeps the server\'s logs (ids and codes only) and availability results.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Server log level.')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('The Teams app id (TEAMS_APP_ID), used for deep links.')
@minLength(36)
@maxLength(36)
param teamsAppId string

@description('The bot\'s Entra app (client) id (BOT_ID).')
@minLength(36)
@maxLength(36)
param botAadAppClientId string

@description('The tenant of the bot\'s Entra app (BOT_TENANT_ID): the school\'s tenant.')
@minLength(36)
@maxLength(36)
param botAadAppTenantId string

@description('The bot\'s client secret (SECRET_BOT_PASSWORD). Stored in Key Vault only.')
@secure()
@minLength(1)
param botAadAppClientSecret string

@description('The sign-in Entra app\'s client id (AAD_APP_CLIENT_ID), shared by the tab and the Word add-in.')
@minLength(36)
@maxLength(36)
param aadAppClientId string

@description('The sign-in Entra app\'s tenant (AAD_APP_TENANT_ID).')
@minLength(36)
@maxLength(36)
param aadAppTenantId string

@description('The sign-in Entra app\'s client secret (SECRET_AAD_APP_CLIENT_SECRET), for on-behalf-of. Key Vault only.')
@secure()
@minLength(1)
param aadAppClientSecret string

@description('Tenants allowed to call the app, comma-separated. Empty: the sign-in app\'s own tenant only.')
@maxLength(400)
param allowedTenantIds string = ''

@description('The safeguarding team\'s Microsoft 365 group id (SAFEGUARDING_TEAM_ID): membership is the access check.')
@minLength(36)
@maxLength(36)
param safeguardingTeamId string

@description('The SharePoint site id holding the records (SHAREPOINT_SITE_ID). Empty: the team\'s own site.')
@maxLength(200)
param sharePointSiteId string = ''

var suffix = empty(resourceSuffix) ? take(uniqueString(resourceGroup().id), 6) : toLower(resourceSuffix)
var baseName = '${toLower(resourceBaseName)}${suffix}'
var webAppName = 'app-${baseName}'
var keyVaultName = 'kv-${baseName}'
var storageAccountName = 'st${baseName}'
var botStateContainer = 'bot-state'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

// Workspace-based, with IP masking left on (DisableIpMasking false) so no client address is stored.
// The codeless Node.js agent is deliberately NOT enabled: it records full request URLs, and a query
// string can carry search text. The server's own logs (ids and codes, redacted by bot/src/logger.ts)
// reach the workspace through the diagnostic setting below; this resource runs the /healthz test.
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    DisableIpMasking: false
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // botbuilder-azure-blobs authenticates with the connection string kept in Key Vault.
    allowSharedKeyAccess: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource botStateBlobContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: botStateContainer
  properties: {
    publicAccess: 'None'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

resource aadClientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'aad-app-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

resource botStateConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-state-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${baseName}'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/bot/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

resource webAppSecretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Settings bot/src/config.ts reads in Microsoft 365 mode. Secrets are Key Vault references resolved by
// the web app's own identity; applied after its role assignment so they resolve on first start.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [
    webAppSecretsReader
  ]
  properties: {
    APP_MODE: 'm365'
    LOG_LEVEL: logLevel
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    TEAMS_APP_ID: teamsAppId
    BOT_ID: botAadAppClientId
    BOT_TENANT_ID: botAadAppTenantId
    SECRET_BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    SECRET_AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadClientSecret.properties.secretUri})'
    ALLOWED_TENANT_IDS: empty(allowedTenantIds) ? aadAppTenantId : allowedTenantIds
    SAFEGUARDING_TEAM_ID: safeguardingTeamId
    SHAREPOINT_SITE_ID: sharePointSiteId
    SECRET_BOT_STATE_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${botStateConnectionSecret.properties.secretUri})'
    BOT_STATE_CONTAINER: botStateContainer
    // App Service builds from source on Linux (Oryx), which compiles the native SQLite driver there.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  }
}

// Console output only (the server's redacted JSON logs) and platform events. AppServiceHTTPLogs is left
// out on purpose: it records client IP addresses and full URLs with their query strings.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'healthz-${baseName}'
  location: location
  kind: 'standard'
  tags: {
    'hidden-link:${appInsights.id}': 'Resource'
  }
  properties: {
    SyntheticMonitorId: 'healthz-${baseName}'
    Name: 'HSB Safeguarding /healthz'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    // UK South, North Europe, West Europe.
    Locations: [
      {
        Id: 'emea-ru-msa-edge'
      }
      {
        Id: 'emea-gb-db3-azr'
      }
      {
        Id: 'emea-nl-ams-azr'
      }
    ]
    Request: {
      RequestUrl: 'https://${webApp.properties.defaultHostName}/healthz'
      HttpVerb: 'GET'
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: 'HSB Safeguarding Assistant'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppTenantId: botAadAppTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
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

output WEB_APP_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output KEY_VAULT_NAME string = keyVault.name
