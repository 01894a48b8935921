#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Connect-AadstsGraph against the laid-out module and the Graph emulator: parameter sets, sign-in with a ready access
# token (what a runbook signed in to Az does, and the only way that needs no browser, identity endpoint or network),
# the context it returns, and its error records. Interactive, device-code, managed-identity, certificate and secret
# sign-ins need Microsoft Entra ID: their plans are unit-tested (CredentialFactoryTests), here they are only bound.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $null = Import-AadstsTestModule
    $script:TenantId = '4c9d7e2a-1b3f-4a5c-8d6e-7f8091a2b3c4'
    $script:Account = 'helpdesk.admin@contoso.com'
    $script:Token = New-AadstsTestToken -TenantId $TenantId -Account $Account
    $script:Emulator = Start-AadstsTestEmulator -Token $Token
}

AfterAll {
    Stop-AadstsTestSession $Emulator
}

Describe 'Connect-AadstsGraph parameter sets' {
    BeforeAll {
        $command = Get-Command Connect-AadstsGraph
    }

    It 'signs in interactively when nothing says otherwise' {
        $command.DefaultParameterSet | Should -Be 'Interactive'
    }

    It 'needs <Needs> in the <Set> set' -ForEach @(
        @{ Set = 'Interactive'; Mandatory = ''; Needs = 'nothing' }
        @{ Set = 'DeviceCode'; Mandatory = 'UseDeviceCode'; Needs = '-UseDeviceCode' }
        @{ Set = 'ManagedIdentity'; Mandatory = 'Identity'; Needs = '-Identity' }
        @{ Set = 'CertificateThumbprint'; Mandatory = 'CertificateThumbprint,ClientId,TenantId'; Needs = 'a thumbprint, client and tenant' }
        @{ Set = 'Certificate'; Mandatory = 'Certificate,ClientId,TenantId'; Needs = 'a certificate, client and tenant' }
        @{ Set = 'ClientSecret'; Mandatory = 'ClientId,ClientSecret,TenantId'; Needs = 'a secret, client and tenant' }
        @{ Set = 'AccessToken'; Mandatory = 'AccessToken'; Needs = '-AccessToken' }
    ) {
        $parameterSet = $command.ParameterSets | Where-Object Name -EQ $Set

        $parameterSet | Should -Not -BeNullOrEmpty
        (@($parameterSet.Parameters | Where-Object IsMandatory | ForEach-Object Name | Sort-Object) -join ',') | Should -Be $Mandatory
    }

    It 'takes -<Alias> for -<Name>' -ForEach @(
        @{ Name = 'TenantId'; Alias = 'Tenant' }
        @{ Name = 'ClientId'; Alias = 'AppId' }
        @{ Name = 'ClientId'; Alias = 'ApplicationId' }
        @{ Name = 'UseDeviceCode'; Alias = 'DeviceCode' }
        @{ Name = 'Identity'; Alias = 'ManagedIdentity' }
        @{ Name = 'Environment'; Alias = 'Cloud' }
    ) {
        $command.Parameters[$Name].Aliases | Should -Contain $Alias
    }

    It 'takes the access token and the client secret only as SecureString' {
        $command.Parameters['AccessToken'].ParameterType.FullName | Should -Be 'System.Security.SecureString'
        $command.Parameters['ClientSecret'].ParameterType.FullName | Should -Be 'System.Security.SecureString'
    }

    It 'knows the national clouds, in every parameter set' {
        [enum]::GetNames($command.Parameters['Environment'].ParameterType) | Should -Be @('Global', 'USGov', 'USGovDoD', 'China')
        $command.Parameters['Environment'].ParameterSets.Keys | Should -Be '__AllParameterSets'
    }

    It 'refuses an unknown cloud, naming the known ones' {
        $secureToken = ConvertTo-SecureString $Token -AsPlainText -Force

        $thrown = { Connect-AadstsGraph -AccessToken $secureToken -Environment Mars } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -Match 'USGovDoD'
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a token with a tenant (the token names its own)'; Arguments = @{ TenantId = 'contoso.onmicrosoft.com' } }
        @{ Case = 'a token with delegated scopes (the token has its own)'; Arguments = @{ Scopes = 'User.Read.All' } }
        @{ Case = 'a token with a persistent cache (nothing to refresh)'; Arguments = @{ PersistTokenCache = $true } }
    ) {
        $secureToken = ConvertTo-SecureString $Token -AsPlainText -Force

        { Connect-AadstsGraph -AccessToken $secureToken @Arguments } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }

    It 'refuses a persistent token cache for a managed identity (Azure manages its tokens)' {
        { Connect-AadstsGraph -Identity -PersistTokenCache } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }
}

Describe 'Connect-AadstsGraph with an access token' {
    BeforeAll {
        $context = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'returns one AadstsTools.GraphContext' {
        @($context).Count | Should -Be 1
        $context.PSObject.TypeNames | Should -Contain 'AadstsTools.GraphContext'
    }

    It 'describes how it signed in and where Graph is' {
        $context.AuthenticationType | Should -Be 'AccessToken'
        $context.AccessType | Should -Be 'Delegated'
        $context.IsAppOnly | Should -BeFalse
        $context.Cloud | Should -Be 'Global'
        $context.GraphEndpoint | Should -Be $Emulator.BaseUrl
        $context.TokenCache | Should -Be 'Memory'
    }

    It 'reads the tenant, account, permissions and expiry from the token' {
        $context.TenantId | Should -Be $TenantId
        $context.Account | Should -Be $Account
        $context.Scopes | Should -Contain 'User-PasswordProfile.ReadWrite.All'
        $context.Scopes | Should -Contain 'AuditLog.Read.All'
        @($context.Scopes).Count | Should -Be 7
        [DateTimeOffset]$context.TokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(100))
        [DateTimeOffset]$context.TokenExpiresOn | Should -BeLessThan ([DateTimeOffset]::UtcNow.AddMinutes(121))
    }

    It 'makes the connection the one Get-AadstsGraphContext and the Graph commands use' {
        (Get-AadstsGraphContext).TenantId | Should -Be $TenantId
        [string](Test-UserSignInReadiness alice.ready@contoso.com -Check Enabled).Verdict | Should -Be 'Ready'
    }

    It 'is shown by the context list view' {
        $text = $context | Out-String -Width 200

        $text | Should -Match 'AuthenticationType\s*:\s*AccessToken'
        $text | Should -Match ('Account\s*:\s*' + [regex]::Escape($Account))
        $text | Should -Match 'Scopes\s*:.*User-PasswordProfile\.ReadWrite\.All'
    }

    It 'never writes the token: not to output, verbose, debug or warnings, nor into any property' {
        $secureToken = ConvertTo-SecureString $Token -AsPlainText -Force
        $records = & {
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            Connect-AadstsGraph -AccessToken $secureToken
        } *>&1
        $payload = [regex]::Escape($Token.Split('.')[1])

        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($verbose.Message -join "`n") | Should -Match ('Connected: ' + [regex]::Escape($Account))
        ($records | Out-String -Width 500) | Should -Not -Match $payload
        ($records | Format-List * | Out-String -Width 500) | Should -Not -Match $payload
        $connected = $records | Where-Object { $_.PSObject.TypeNames -contains 'AadstsTools.GraphContext' }
        ($connected | ConvertTo-Json -Depth 4) | Should -Not -Match $payload
        foreach ($property in $connected.PSObject.Properties) {
            $property.Value | Should -Not -BeOfType [securestring]
        }
    }

    It 'accepts the token with a "Bearer " prefix, as some tools print it' {
        $null = Connect-AadstsTestGraph -Emulator $Emulator -Token ('Bearer ' + $Token)

        [string](Test-UserSignInReadiness bob.expired@contoso.com -Check Enabled).Verdict | Should -Be 'Ready'
    }

    It 'connects with an opaque (non-JWT) token, knowing only what it can: no scopes, an hour''s validity' {
        try {
            $opaque = Connect-AadstsGraph -AccessToken (ConvertTo-SecureString 'opaque-token-0123456789' -AsPlainText -Force)

            $opaque.TenantId | Should -BeNullOrEmpty
            $opaque.Account | Should -BeNullOrEmpty
            @($opaque.Scopes).Count | Should -Be 0
            $opaque.AccessType | Should -Be 'Delegated'
            [DateTimeOffset]$opaque.TokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(50))
            [DateTimeOffset]$opaque.TokenExpiresOn | Should -BeLessThan ([DateTimeOffset]::UtcNow.AddMinutes(61))
        }
        finally {
            $null = Connect-AadstsTestGraph -Emulator $Emulator
        }
    }
}

Describe 'Connect-AadstsGraph in a national cloud' {
    AfterAll {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'records -Environment <Cloud> in the context; AADSTS_GRAPH_BASE_URL still sets the endpoint' -ForEach @(
        @{ Cloud = 'USGov' }
        @{ Cloud = 'China' }
    ) {
        $context = Connect-AadstsTestGraph -Emulator $Emulator -Environment $Cloud

        $context.Cloud | Should -Be $Cloud
        $context.GraphEndpoint | Should -Be $Emulator.BaseUrl
        [string](Test-UserSignInReadiness alice.ready@contoso.com -Check Enabled).Verdict | Should -Be 'Ready'
    }

    It 'takes -Cloud for -Environment' {
        $context = Connect-AadstsGraph -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -Cloud USGovDoD

        $context.Cloud | Should -Be 'USGovDoD'
    }
}

Describe 'Connect-AadstsGraph error records' {
    BeforeAll {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    AfterEach {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'refuses a blank token as invalid input, and keeps the current connection' {
        $blank = ConvertTo-SecureString ' ' -AsPlainText -Force

        $output = Connect-AadstsGraph -AccessToken $blank -ErrorVariable errors -ErrorAction SilentlyContinue

        $output | Should -BeNullOrEmpty
        $errors | Format-AadstsErrorRecord | Should -Be "InvalidConnectionRequest InvalidArgument on 'AccessToken'"
        $errors[0].Exception.Message | Should -Match 'empty'
        (Get-AadstsGraphContext).TenantId | Should -Be $TenantId
    }

    It 'reports an expired token as a failed sign-in that says how to get a new one, without the token' {
        $expired = New-AadstsTestToken -TenantId $TenantId -ExpiresInMinutes -30

        $output = Connect-AadstsGraph -AccessToken (ConvertTo-SecureString $expired -AsPlainText -Force) -ErrorVariable errors -ErrorAction SilentlyContinue

        $output | Should -BeNullOrEmpty
        $errors | Format-AadstsErrorRecord | Should -Be "SignInFailed AuthenticationError on 'AccessToken'"
        $errors[0].Exception.Message | Should -Match 'expired'
        $errors[0].Exception.Message | Should -Match 'Get-AzAccessToken'
        $errors[0].Exception.Message | Should -Not -Match ([regex]::Escape($expired.Split('.')[1]))
        $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'stops a script on a failed sign-in with -ErrorAction Stop' {
        $blank = ConvertTo-SecureString ' ' -AsPlainText -Force

        { Connect-AadstsGraph -AccessToken $blank -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidConnectionRequest,*'
    }

    It 'leaves a token Graph does not accept to Graph; the command that meets the 401 says to connect again' {
        # Connecting checks nothing with Graph for a ready token; the emulator accepts only its own.
        $null = Connect-AadstsTestGraph -Emulator $Emulator -Token (New-AadstsTestToken -TenantId $TenantId -Account 'someone.else@contoso.com')

        $result = Reset-AadUserPassword alice.ready@contoso.com -WhatIf -ErrorVariable errors -ErrorAction SilentlyContinue

        [string]$result.Status | Should -Be 'Failed'
        $result.ErrorKind | Should -Be 'AuthenticationError'
        $errors | Format-AadstsErrorRecord | Should -Be "ResetFailed AuthenticationError on 'alice.ready@contoso.com'"
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-AadstsGraph'
    }
}

Describe 'Connect-AadstsGraph help' {
    It 'describes every parameter' {
        Get-AadstsUndocumentedParameter Connect-AadstsGraph | Should -BeNullOrEmpty
    }

    It 'has an example for each way of signing in' {
        $code = Get-AadstsExampleCode Connect-AadstsGraph

        foreach ($parameter in '-UseDeviceCode', '-Identity', '-CertificateThumbprint', '-AccessToken', '-Environment') {
            $code | Should -Match ([regex]::Escape($parameter)) -Because "an example should show $parameter"
        }
    }
}
